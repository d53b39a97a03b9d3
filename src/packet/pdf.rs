//! What printpdf lacks, added on the lopdf document it hands over: the
//! nested outline, page labels, the embedded `manifest.json`, and the
//! signature (a `/ByteRange` + `/Contents` placeholder filled in after the
//! file is written). Also the reading side used by `packet verify`.

use super::layout::OutlineEntry;
use super::sign::Identity;
use crate::{crypto, Error, Result};
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

/// Bytes reserved for the CMS signature (hex-encoded in the file).
const SIG_BYTES: usize = 8192;
const PLACEHOLDER: i64 = 9_999_999_999;

fn text(s: &str) -> Object {
    // PDF text string: UTF-16BE with a byte-order mark, hex-encoded.
    let mut b = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        b.extend(u.to_be_bytes());
    }
    Object::String(b, StringFormat::Hexadecimal)
}

fn ascii(s: &str) -> Object {
    Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
}

fn pdf_err(_: lopdf::Error) -> Error {
    Error::Crypto("the PDF could not be assembled")
}

/// Adds the outline (sections, and their entries one level down).
pub(crate) fn add_outline(doc: &mut lopdf::Document, entries: &[OutlineEntry]) -> Result<()> {
    let pages = doc.get_pages();
    let page_ref = |i: usize| pages.get(&(i as u32 + 1)).copied();
    let root = doc.new_object_id();
    // Group: top-level entries with their children.
    type Children<'a> = Vec<(ObjectId, &'a OutlineEntry)>;
    let mut tops: Vec<(ObjectId, &OutlineEntry, Children<'_>)> = Vec::new();
    for e in entries {
        if e.level <= 1 || tops.is_empty() {
            tops.push((doc.new_object_id(), e, Vec::new()));
        } else if let Some(t) = tops.last_mut() {
            t.2.push((doc.new_object_id(), e));
        }
    }
    let dest = |e: &OutlineEntry| -> Object {
        match page_ref(e.page) {
            Some(p) => Object::Array(vec![
                Object::Reference(p),
                "XYZ".into(),
                Object::Integer(0),
                Object::Real(e.y),
                Object::Null,
            ]),
            None => Object::Null,
        }
    };
    let ids: Vec<ObjectId> = tops.iter().map(|t| t.0).collect();
    for (k, (id, e, children)) in tops.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text(&e.title));
        d.set("Parent", Object::Reference(root));
        d.set("Dest", dest(e));
        if k > 0 {
            d.set("Prev", Object::Reference(ids[k - 1]));
        }
        if k + 1 < ids.len() {
            d.set("Next", Object::Reference(ids[k + 1]));
        }
        if let (Some(f), Some(l)) = (children.first(), children.last()) {
            d.set("First", Object::Reference(f.0));
            d.set("Last", Object::Reference(l.0));
            // Closed: long chronologies stay tidy until opened.
            d.set("Count", Object::Integer(-(children.len() as i64)));
        }
        for (j, (cid, ce)) in children.iter().enumerate() {
            let mut c = Dictionary::new();
            c.set("Title", text(&ce.title));
            c.set("Parent", Object::Reference(*id));
            c.set("Dest", dest(ce));
            if j > 0 {
                c.set("Prev", Object::Reference(children[j - 1].0));
            }
            if j + 1 < children.len() {
                c.set("Next", Object::Reference(children[j + 1].0));
            }
            doc.objects.insert(*cid, Object::Dictionary(c));
        }
        doc.objects.insert(*id, Object::Dictionary(d));
    }
    let mut o = Dictionary::new();
    o.set("Type", "Outlines");
    if let (Some(f), Some(l)) = (ids.first(), ids.last()) {
        o.set("First", Object::Reference(*f));
        o.set("Last", Object::Reference(*l));
        o.set("Count", Object::Integer(ids.len() as i64));
    }
    doc.objects.insert(root, Object::Dictionary(o));
    let cat = doc.catalog_mut().map_err(pdf_err)?;
    cat.set("Outlines", Object::Reference(root));
    cat.set("PageMode", "UseOutlines");
    // Page labels: the cover is "Cover", then the numbers the footers print.
    let mut cover = Dictionary::new();
    cover.set("P", text("Cover"));
    let mut rest = Dictionary::new();
    rest.set("S", "D");
    rest.set("St", Object::Integer(2));
    let mut labels = Dictionary::new();
    labels.set(
        "Nums",
        Object::Array(vec![
            Object::Integer(0),
            Object::Dictionary(cover),
            Object::Integer(1),
            Object::Dictionary(rest),
        ]),
    );
    cat.set("PageLabels", Object::Dictionary(labels));
    Ok(())
}

/// Attaches `manifest.json`.
pub(crate) fn embed_manifest(doc: &mut lopdf::Document, json: &[u8]) -> Result<()> {
    let mut params = Dictionary::new();
    params.set("Size", Object::Integer(json.len() as i64));
    let mut sd = Dictionary::new();
    sd.set("Type", "EmbeddedFile");
    sd.set("Subtype", Object::Name(b"application/json".to_vec()));
    sd.set("Params", Object::Dictionary(params));
    let mut stream = Stream::new(sd, json.to_vec());
    let _ = stream.compress();
    let ef = doc.add_object(Object::Stream(stream));
    let mut efd = Dictionary::new();
    efd.set("F", Object::Reference(ef));
    efd.set("UF", Object::Reference(ef));
    let mut fs = Dictionary::new();
    fs.set("Type", "Filespec");
    fs.set("F", ascii("manifest.json"));
    fs.set("UF", text("manifest.json"));
    fs.set(
        "Desc",
        text("Vigil packet manifest: exhibits, audit-chain head, profile, certificate"),
    );
    fs.set("AFRelationship", "Data");
    fs.set("EF", Object::Dictionary(efd));
    let fs_id = doc.add_object(Object::Dictionary(fs));
    let mut tree = Dictionary::new();
    tree.set(
        "Names",
        Object::Array(vec![ascii("manifest.json"), Object::Reference(fs_id)]),
    );
    let mut names = Dictionary::new();
    names.set("EmbeddedFiles", Object::Dictionary(tree));
    let cat = doc.catalog_mut().map_err(pdf_err)?;
    cat.set("Names", Object::Dictionary(names));
    cat.set("AF", Object::Array(vec![Object::Reference(fs_id)]));
    Ok(())
}

/// Adds an invisible signature field with a placeholder to fill after saving.
pub(crate) fn add_signature_field(
    doc: &mut lopdf::Document,
    signer: &str,
    reason: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let mut sig = Dictionary::new();
    sig.set("Type", "Sig");
    sig.set("Filter", "Adobe.PPKLite");
    sig.set("SubFilter", "adbe.pkcs7.detached");
    sig.set(
        "ByteRange",
        Object::Array(vec![
            Object::Integer(0),
            Object::Integer(PLACEHOLDER),
            Object::Integer(PLACEHOLDER),
            Object::Integer(PLACEHOLDER),
        ]),
    );
    sig.set(
        "Contents",
        Object::String(vec![0u8; SIG_BYTES], StringFormat::Hexadecimal),
    );
    sig.set("M", ascii(&at.format("D:%Y%m%d%H%M%S+00'00'").to_string()));
    sig.set("Name", text(signer));
    sig.set("Reason", text(reason));
    let sig_id = doc.add_object(Object::Dictionary(sig));
    let first_page = doc
        .get_pages()
        .get(&1)
        .copied()
        .ok_or(Error::Crypto("the packet has no page"))?;
    let mut w = Dictionary::new();
    w.set("Type", "Annot");
    w.set("Subtype", "Widget");
    w.set("FT", "Sig");
    w.set("T", text("Investigator signature"));
    w.set("V", Object::Reference(sig_id));
    w.set(
        "Rect",
        Object::Array(vec![0.into(), 0.into(), 0.into(), 0.into()]),
    );
    w.set("F", Object::Integer(132));
    w.set("P", Object::Reference(first_page));
    let w_id = doc.add_object(Object::Dictionary(w));
    let page = doc.get_dictionary_mut(first_page).map_err(pdf_err)?;
    let mut annots = match page.get(b"Annots") {
        Ok(Object::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    annots.push(Object::Reference(w_id));
    page.set("Annots", Object::Array(annots));
    let mut form = Dictionary::new();
    form.set("Fields", Object::Array(vec![Object::Reference(w_id)]));
    form.set("SigFlags", Object::Integer(3));
    doc.catalog_mut()
        .map_err(pdf_err)?
        .set("AcroForm", Object::Dictionary(form));
    Ok(())
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Fills the placeholder of a saved PDF: the byte range, then the CMS
/// signature over it.
pub(crate) fn sign_saved(
    bytes: &mut [u8],
    id: &Identity,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let zeros = vec![b'0'; SIG_BYTES * 2];
    let mut start = None;
    let mut from = 0;
    while let Some(p) = find(bytes, &zeros, from) {
        if p > 0 && bytes[p - 1] == b'<' && bytes.get(p + zeros.len()) == Some(&b'>') {
            start = Some(p - 1);
            break;
        }
        from = p + 1;
    }
    let lt = start.ok_or(Error::Crypto("the signature placeholder is missing"))?;
    let gt = lt + zeros.len() + 1;
    let (a, b) = (lt, gt + 1);
    let c = bytes.len() - b;
    let ph = PLACEHOLDER.to_string();
    let pattern = format!("[0 {ph} {ph} {ph}]");
    let br = find(bytes, pattern.as_bytes(), 0)
        .ok_or(Error::Crypto("the byte-range placeholder is missing"))?;
    let mut filled = format!("[0 {a} {b} {c}");
    while filled.len() < pattern.len() - 1 {
        filled.push(' ');
    }
    filled.push(']');
    bytes[br..br + pattern.len()].copy_from_slice(filled.as_bytes());
    let mut h = sha2::Sha256::default();
    sha2::Digest::update(&mut h, &bytes[..a]);
    sha2::Digest::update(&mut h, &bytes[b..]);
    let digest: [u8; 32] = sha2::Digest::finalize(h).into();
    let cms = id.sign_digest(&digest, at)?;
    if cms.len() > SIG_BYTES {
        return Err(Error::Crypto(
            "the signature is larger than the space reserved for it",
        ));
    }
    let hex = crypto::to_hex(&cms);
    bytes[lt + 1..lt + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(())
}

/// The signature found in a file.
pub(crate) struct FoundSignature {
    /// The four numbers of `/ByteRange`.
    pub range: [usize; 4],
    /// The CMS bytes.
    pub cms: Vec<u8>,
    /// SHA-256 over the two signed ranges.
    pub digest: [u8; 32],
    /// How many signatures the file holds.
    pub count: usize,
}

/// Finds the last signature of a PDF and hashes what it covers.
pub(crate) fn find_signature(bytes: &[u8]) -> std::result::Result<FoundSignature, String> {
    let count = bytes.windows(10).filter(|w| w == b"/ByteRange").count();
    let at = rfind(bytes, b"/ByteRange").ok_or("the file carries no signature")?;
    let open = find(bytes, b"[", at).ok_or("the signature's byte range is unreadable")?;
    let close = find(bytes, b"]", open).ok_or("the signature's byte range is unreadable")?;
    let nums: Vec<usize> = String::from_utf8_lossy(&bytes[open + 1..close])
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let [r0, r1, r2, r3] = nums[..] else {
        return Err("the signature's byte range is unreadable".into());
    };
    if r0 != 0
        || r1 >= r2
        || r2.checked_add(r3).is_none_or(|e| e > bytes.len())
        || bytes.get(r1) != Some(&b'<')
        || bytes.get(r2 - 1) != Some(&b'>')
    {
        return Err("the signature's byte range does not fit the file".into());
    }
    let hex = &bytes[r1 + 1..r2 - 1];
    let raw = data_encoding::HEXLOWER_PERMISSIVE
        .decode(hex)
        .map_err(|_| "the signature value is not hex".to_string())?;
    // DER: cut the zero padding after the outer SEQUENCE.
    let len = der_len(&raw).ok_or("the signature value is not DER")?;
    let mut h = sha2::Sha256::default();
    sha2::Digest::update(&mut h, &bytes[..r1]);
    sha2::Digest::update(&mut h, &bytes[r2..r2 + r3]);
    Ok(FoundSignature {
        range: [r0, r1, r2, r3],
        cms: raw[..len].to_vec(),
        digest: sha2::Digest::finalize(h).into(),
        count,
    })
}

fn der_len(b: &[u8]) -> Option<usize> {
    if b.first()? != &0x30 {
        return None;
    }
    let l = *b.get(1)? as usize;
    let (len, hdr) = if l < 0x80 {
        (l, 2)
    } else {
        let n = l & 0x7f;
        if n == 0 || n > 4 {
            return None;
        }
        let mut v = 0usize;
        for i in 0..n {
            v = (v << 8) | *b.get(2 + i)? as usize;
        }
        (v, 2 + n)
    };
    (hdr + len <= b.len()).then_some(hdr + len)
}

/// The embedded manifest's bytes and the page count, read with lopdf.
pub(crate) fn read_manifest(bytes: &[u8]) -> std::result::Result<(Vec<u8>, usize), String> {
    let doc =
        lopdf::Document::load_mem(bytes).map_err(|e| format!("the PDF cannot be read ({e})"))?;
    let pages = doc.get_pages().len();
    let cat = doc
        .catalog()
        .map_err(|_| "the PDF has no catalogue".to_string())?;
    let deref = |o: &Object| -> Option<Object> {
        match o {
            Object::Reference(r) => doc.get_object(*r).ok().cloned(),
            other => Some(other.clone()),
        }
    };
    let names = cat
        .get(b"Names")
        .ok()
        .and_then(deref)
        .ok_or("no manifest.json is attached")?;
    let ef = names
        .as_dict()
        .ok()
        .and_then(|d| d.get(b"EmbeddedFiles").ok())
        .and_then(deref)
        .ok_or("no manifest.json is attached")?;
    let arr = ef
        .as_dict()
        .ok()
        .and_then(|d| d.get(b"Names").ok())
        .and_then(deref)
        .ok_or("no manifest.json is attached")?;
    let arr = arr
        .as_array()
        .map_err(|_| "the attachment list is malformed".to_string())?;
    let mut found = None;
    for pair in arr.chunks(2) {
        if let [Object::String(name, _), spec] = pair {
            if name == b"manifest.json" {
                found = deref(spec);
            }
        }
    }
    let spec = found.ok_or("no manifest.json is attached")?;
    let file = spec
        .as_dict()
        .ok()
        .and_then(|d| d.get(b"EF").ok())
        .and_then(deref)
        .and_then(|ef| {
            ef.as_dict()
                .ok()
                .and_then(|d| d.get(b"F").ok())
                .and_then(deref)
        })
        .ok_or("manifest.json has no content")?;
    let stream = file
        .as_stream()
        .map_err(|_| "manifest.json has no content".to_string())?;
    let content = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    Ok((content, pages))
}

/// Deflates every stream not yet compressed, on two threads (lopdf's own
/// pass uses the slowest level on one).
pub(crate) fn compress(doc: &mut lopdf::Document) {
    use std::io::Write;
    let mut work: Vec<(ObjectId, Vec<u8>)> = doc
        .objects
        .iter_mut()
        .filter_map(|(id, o)| match o {
            Object::Stream(s) if s.allows_compression && s.dict.get(b"Filter").is_err() => {
                Some((*id, std::mem::take(&mut s.content)))
            }
            _ => None,
        })
        .collect();
    let deflate = |raw: &[u8]| -> Option<Vec<u8>> {
        let mut e = flate2::write::ZlibEncoder::new(
            Vec::with_capacity(raw.len() / 3),
            flate2::Compression::new(6),
        );
        e.write_all(raw).ok()?;
        e.finish().ok()
    };
    let half = work.len() / 2;
    let (a, b) = work.split_at_mut(half);
    let (ra, rb) = std::thread::scope(|s| {
        let h = s.spawn(|| a.iter().map(|(_, raw)| deflate(raw)).collect::<Vec<_>>());
        let rb: Vec<_> = b.iter().map(|(_, raw)| deflate(raw)).collect();
        (h.join().unwrap_or_default(), rb)
    });
    let packed: Vec<Option<Vec<u8>>> = ra.into_iter().chain(rb).collect();
    for ((id, raw), z) in work
        .drain(..)
        .zip(packed.into_iter().chain(std::iter::repeat(None)))
    {
        if let Some(Object::Stream(s)) = doc.objects.get_mut(&id) {
            match z {
                Some(z) if z.len() + 19 < raw.len() => {
                    s.dict.set("Filter", "FlateDecode");
                    s.set_content(z);
                }
                _ => s.set_content(raw),
            }
        }
    }
}

/// Draws the prepared photos on their pages (as DCT-encoded image XObjects).
pub(crate) fn place_images(
    doc: &mut lopdf::Document,
    placements: &[super::layout::ImagePlacement],
    jpegs: &[super::photo::Jpeg],
) -> Result<()> {
    let pages = doc.get_pages();
    // One image object per photo, however often it is drawn (thumbnail and page).
    let mut objects: std::collections::HashMap<usize, ObjectId> = std::collections::HashMap::new();
    for (k, p) in placements.iter().enumerate() {
        let Some(img) = jpegs.get(p.index) else {
            continue;
        };
        let Some(&page_id) = pages.get(&(p.page as u32 + 1)) else {
            continue;
        };
        let img_id = *objects.entry(p.index).or_insert_with(|| add_jpeg(doc, img));
        let name = format!("VigilPhoto{k}");
        let draw = format!("q {} 0 0 {} {} {} cm /{name} Do Q\n", p.w, p.h, p.x, p.y);
        let content_id = doc.add_object(Object::Stream(Stream::new(
            Dictionary::new(),
            draw.into_bytes(),
        )));
        // Resources may be inline or a reference.
        let res_ref = match doc
            .get_dictionary(page_id)
            .map_err(pdf_err)?
            .get(b"Resources")
        {
            Ok(Object::Reference(r)) => Some(*r),
            _ => None,
        };
        let resources = match res_ref {
            Some(r) => doc.get_dictionary_mut(r).map_err(pdf_err)?,
            None => {
                let page = doc.get_dictionary_mut(page_id).map_err(pdf_err)?;
                if page.get(b"Resources").is_err() {
                    page.set("Resources", Object::Dictionary(Dictionary::new()));
                }
                page.get_mut(b"Resources")
                    .and_then(Object::as_dict_mut)
                    .map_err(pdf_err)?
            }
        };
        let mut xobjects = match resources.get(b"XObject") {
            Ok(Object::Dictionary(x)) => x.clone(),
            _ => Dictionary::new(),
        };
        xobjects.set(name.as_bytes().to_vec(), Object::Reference(img_id));
        resources.set("XObject", Object::Dictionary(xobjects));
        let page = doc.get_dictionary_mut(page_id).map_err(pdf_err)?;
        let mut contents = match page.get(b"Contents") {
            Ok(Object::Array(a)) => a.clone(),
            Ok(other) => vec![other.clone()],
            Err(_) => Vec::new(),
        };
        contents.push(Object::Reference(content_id));
        page.set("Contents", Object::Array(contents));
    }
    Ok(())
}

fn add_jpeg(doc: &mut lopdf::Document, img: &super::photo::Jpeg) -> ObjectId {
    let mut d = Dictionary::new();
    d.set("Type", "XObject");
    d.set("Subtype", "Image");
    d.set("Width", Object::Integer(i64::from(img.width)));
    d.set("Height", Object::Integer(i64::from(img.height)));
    d.set("ColorSpace", "DeviceRGB");
    d.set("BitsPerComponent", Object::Integer(8));
    d.set("Filter", "DCTDecode");
    let mut stream = Stream::new(d, img.bytes.clone());
    stream.allows_compression = false;
    doc.add_object(Object::Stream(stream))
}

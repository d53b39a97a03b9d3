//! People in a case: victims, suspects, witnesses and third parties, each
//! with identifiers (phones, e-mail, handles, vehicles, addresses) that can be
//! searched across the case. A value can be marked confidential (e.g. an
//! address under an address-confidentiality programme): the UI masks it and
//! discovery copies of the packet leave it out.

use crate::case::validate_text;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// Closed sets of words stored as text (roles, kinds, levels).
pub trait Word: Sized + Copy + 'static {
    /// Parses the stored word.
    fn parse_word(s: &str) -> Option<Self>;
    /// Every word, for messages.
    fn words() -> Vec<&'static str>;
}

macro_rules! word_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[serde(rename_all = "camelCase")]
        pub enum $name { $($(#[$vm])* $v),* }
        impl $name {
            /// The stored word.
            pub fn as_str(self) -> &'static str { match self { $($name::$v => $s),* } }
            /// Parses the stored word.
            pub fn parse(s: &str) -> Option<Self> { match s { $($s => Some($name::$v),)* _ => None } }
            /// Every value.
            pub const ALL: &'static [$name] = &[$($name::$v),*];
        }
        impl $crate::person::Word for $name {
            fn parse_word(s: &str) -> Option<Self> { Self::parse(s) }
            fn words() -> Vec<&'static str> { Self::ALL.iter().map(|v| v.as_str()).collect() }
        }
    };
}
pub(crate) use word_enum;

word_enum!(
    /// A person's part in the case.
    PersonRole {
        /// The person being stalked.
        Victim = "victim",
        /// The person suspected of the conduct.
        Suspect = "suspect",
        /// Someone who saw or heard something.
        Witness = "witness",
        /// Family, a new partner, an employer, … affected or involved.
        ThirdParty = "thirdParty",
    }
);

word_enum!(
    /// Relationship to the victim.
    Relationship {
        /// The victim themself.
        #[serde(rename = "self")]
        SelfVictim = "self",
        /// Current partner.
        CurrentPartner = "currentPartner",
        /// Former intimate partner.
        ExPartner = "exPartner",
        /// Family member.
        Family = "family",
        /// Friend.
        Friend = "friend",
        /// Acquaintance.
        Acquaintance = "acquaintance",
        /// Co-worker.
        Coworker = "coworker",
        /// Neighbour.
        Neighbour = "neighbour",
        /// Stranger.
        Stranger = "stranger",
        /// Not known.
        Unknown = "unknown",
        /// Something else (say in notes).
        Other = "other",
    }
);

word_enum!(
    /// What an identifier is.
    IdentifierKind {
        /// Phone number.
        Phone = "phone",
        /// E-mail address.
        Email = "email",
        /// Social-media or messaging handle.
        Social = "social",
        /// Vehicle or plate.
        Vehicle = "vehicle",
        /// Postal address.
        Address = "address",
        /// Anything else.
        Other = "other",
    }
);

/// A stored identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Identifier {
    /// Identifier id.
    pub id: String,
    /// Kind.
    pub kind: IdentifierKind,
    /// The number, address, handle, plate, ….
    pub value: String,
    /// A note such as "new number since March" or "work".
    pub label: String,
    /// Kept out of discovery copies and masked on screen.
    pub confidential: bool,
    /// The value was withheld (`value` is empty): a confidential value leaves
    /// the core only through `reveal_identifier`, which is audited.
    pub masked: bool,
}

impl Identifier {
    /// Empties a confidential value and marks it masked.
    pub(crate) fn mask(&mut self) {
        if self.confidential {
            self.value.clear();
            self.masked = true;
        }
    }
}

impl Person {
    /// Masks every confidential identifier.
    pub(crate) fn masked(mut self) -> Person {
        self.identifiers.iter_mut().for_each(Identifier::mask);
        self
    }
}

/// An identifier as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IdentifierInput {
    /// Kind.
    pub kind: IdentifierKind,
    /// Value.
    pub value: String,
    /// Label.
    pub label: String,
    /// Confidential.
    pub confidential: bool,
    /// Keep the stored value of this identifier (its id) instead of `value`:
    /// how an edit sends back a confidential value it never saw.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub keep: Option<String>,
}

/// A person record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// Id.
    pub id: String,
    /// Role.
    pub role: PersonRole,
    /// Name (or a description such as "unknown man in blue van").
    pub name: String,
    /// Relationship to the victim.
    pub relationship: Relationship,
    /// Notes.
    pub notes: String,
    /// Identifiers, in the order entered.
    pub identifiers: Vec<Identifier>,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

/// A person as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PersonInput {
    /// Role.
    pub role: PersonRole,
    /// Name.
    pub name: String,
    /// Relationship to the victim.
    pub relationship: Relationship,
    /// Notes.
    pub notes: String,
    /// Identifiers.
    pub identifiers: Vec<IdentifierInput>,
}

/// A search hit on an identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IdentifierHit {
    /// The person.
    pub person_id: String,
    /// Their name.
    pub person_name: String,
    /// Their role.
    pub role: PersonRole,
    /// The identifier that matched.
    pub identifier: Identifier,
}

impl PersonInput {
    pub(crate) fn validated(&self) -> Result<PersonInput> {
        let identifiers = self
            .identifiers
            .iter()
            .filter(|i| !i.value.trim().is_empty())
            .map(|i| {
                Ok(IdentifierInput {
                    kind: i.kind,
                    value: validate_text("identifier", &i.value, 300)?,
                    label: i.label.trim().chars().take(120).collect(),
                    confidential: i.confidential,
                    keep: None,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        if self.notes.chars().count() > 20_000 {
            return Err(Error::validation("notes", "use at most 20,000 characters"));
        }
        Ok(PersonInput {
            role: self.role,
            name: validate_text("name", &self.name, 200)?,
            relationship: self.relationship,
            notes: self.notes.trim().to_string(),
            identifiers,
        })
    }
}

/// Normalises an identifier for search: phone numbers by digits, the rest
/// case-insensitively.
pub(crate) fn search_key(kind: IdentifierKind, value: &str) -> String {
    match kind {
        IdentifierKind::Phone => value.chars().filter(|c| c.is_ascii_digit()).collect(),
        _ => value.trim().to_lowercase(),
    }
}

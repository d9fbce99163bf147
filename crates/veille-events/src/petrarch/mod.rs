//! PETRARCH-format dictionaries and event coding over a dependency parse, so that users can
//! bring the dictionaries they already maintain (petrarch2, UniversalPetrarch) and so that
//! veille is measured on PETRARCH's own validation records.

pub mod coder;
pub mod dict;
pub mod english;
pub mod french;
pub mod nominal;
pub mod pico;
pub mod records;

pub use coder::{Coding, PetrarchDicts, REPORTED_DEMAND, Tok, code_sentence, code_sentence_with};
pub use dict::{ActorDict, AgentDict, DictError, Discard, Discards, Inflection, VerbDict};
pub use english::{ShippedDictError, english, english_discards};
pub use french::{french, french_discards};
pub use pico::Pico;
pub use records::{Environment, Expected, Record, Scores, read_records, score_record};

//! Reading serde types (the manifest) out of a parsed JSON value, `JSON.parse`'s `JsValue`.
//!
//! A small stand-in for `serde-wasm-bindgen` that keeps the wasm smaller: its error type renders
//! serde's default messages, and those format the unexpected value with `{}`, which links the
//! standard library's float printing (about 5 kB of gzipped wasm) only to say that a float was
//! not expected. Here the messages name what was expected and leave the value out.
//!
//! It understands what `JSON.parse` returns: objects, arrays, strings, numbers, booleans, null.

use std::fmt;

use js_sys::{Array, Object};
use serde::de::{self, DeserializeOwned, Expected, IntoDeserializer, Unexpected, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// Why a value is not the type asked for.
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
    fn invalid_type(_: Unexpected, expected: &dyn Expected) -> Self {
        Error(format!("invalid type, expected {expected}"))
    }
    fn invalid_value(_: Unexpected, expected: &dyn Expected) -> Self {
        Error(format!("invalid value, expected {expected}"))
    }
    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        Error(format!("invalid length {len}, expected {expected}"))
    }
    fn unknown_variant(variant: &str, _: &'static [&'static str]) -> Self {
        Error(format!("unknown variant `{variant}`"))
    }
    fn unknown_field(field: &str, _: &'static [&'static str]) -> Self {
        Error(format!("unknown field `{field}`"))
    }
    fn missing_field(field: &'static str) -> Self {
        Error(format!("missing field `{field}`"))
    }
    fn duplicate_field(field: &'static str) -> Self {
        Error(format!("duplicate field `{field}`"))
    }
}

/// `value` as a `T`.
pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Result<T, Error> {
    T::deserialize(Deserializer(value))
}

struct Deserializer(JsValue);

impl<'de> de::Deserializer<'de> for Deserializer {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.0;
        if value.is_null_or_undefined() {
            return visitor.visit_unit();
        }
        if let Some(text) = value.as_string() {
            return visitor.visit_string(text);
        }
        if let Some(number) = value.as_f64() {
            // Integers as integers, so integer fields accept them.
            if number.fract() == 0.0 && number.abs() < 9.007_199_254_740_992e15 {
                return if number < 0.0 {
                    visitor.visit_i64(number as i64)
                } else {
                    visitor.visit_u64(number as u64)
                };
            }
            return visitor.visit_f64(number);
        }
        if let Some(flag) = value.as_bool() {
            return visitor.visit_bool(flag);
        }
        if Array::is_array(&value) {
            let items: Array = value.unchecked_into();
            return visitor.visit_seq(Items { items, next: 0 });
        }
        if value.is_object() {
            let entries = Object::entries(value.unchecked_ref());
            return visitor.visit_map(Entries {
                entries: Items {
                    items: entries,
                    next: 0,
                },
                value: None,
            });
        }
        Err(Error("unsupported value".to_owned()))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null_or_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

/// An array's items, from the first.
struct Items {
    items: Array,
    next: u32,
}

impl Iterator for Items {
    type Item = JsValue;

    fn next(&mut self) -> Option<JsValue> {
        (self.next < self.items.length()).then(|| {
            self.next += 1;
            self.items.get(self.next - 1)
        })
    }
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<S: de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        Iterator::next(self)
            .map(|item| seed.deserialize(Deserializer(item)))
            .transpose()
    }
}

/// An object's `[key, value]` pairs, in `Object.entries` order.
struct Entries {
    entries: Items,
    value: Option<JsValue>,
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        let entry: Array = entry.unchecked_into();
        self.value = Some(entry.get(1));
        let key = entry.get(0).as_string().unwrap_or_default();
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Deserializer(self.value.take().unwrap_or(JsValue::NULL)))
    }
}

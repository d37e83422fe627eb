//! Streaming digests for the checksum algorithms BagIt manifests name:
//! several algorithms computed in one pass over a file, with a large buffer.

use md5::Md5;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};
use std::io::{self, Read};

/// Bytes read at a time when hashing: large enough that the system-call
/// cost disappears next to SHA-256 itself.
pub const BUFFER_BYTES: usize = 1 << 20;

/// A checksum algorithm of a BagIt manifest (`manifest-<name>.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Algorithm {
    Md5,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl Algorithm {
    /// The algorithm a manifest file name uses, if bindery can compute it.
    pub fn from_name(name: &str) -> Option<Algorithm> {
        match name {
            "md5" => Some(Algorithm::Md5),
            "sha224" => Some(Algorithm::Sha224),
            "sha256" => Some(Algorithm::Sha256),
            "sha384" => Some(Algorithm::Sha384),
            "sha512" => Some(Algorithm::Sha512),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Md5 => "md5",
            Algorithm::Sha224 => "sha224",
            Algorithm::Sha256 => "sha256",
            Algorithm::Sha384 => "sha384",
            Algorithm::Sha512 => "sha512",
        }
    }

    /// Length of the digest in hex digits.
    pub fn hex_len(self) -> usize {
        match self {
            Algorithm::Md5 => 32,
            Algorithm::Sha224 => 56,
            Algorithm::Sha256 => 64,
            Algorithm::Sha384 => 96,
            Algorithm::Sha512 => 128,
        }
    }
}

enum State {
    Md5(Md5),
    Sha224(Sha224),
    Sha256(Sha256),
    Sha384(Sha384),
    Sha512(Sha512),
}

/// Several digests of the same bytes, fed once.
pub struct MultiHasher {
    states: Vec<(Algorithm, State)>,
    bytes: u64,
}

impl MultiHasher {
    pub fn new(algorithms: &[Algorithm]) -> MultiHasher {
        let states = algorithms
            .iter()
            .map(|&a| {
                let state = match a {
                    Algorithm::Md5 => State::Md5(Md5::new()),
                    Algorithm::Sha224 => State::Sha224(Sha224::new()),
                    Algorithm::Sha256 => State::Sha256(Sha256::new()),
                    Algorithm::Sha384 => State::Sha384(Sha384::new()),
                    Algorithm::Sha512 => State::Sha512(Sha512::new()),
                };
                (a, state)
            })
            .collect();
        MultiHasher { states, bytes: 0 }
    }

    pub fn update(&mut self, data: &[u8]) {
        self.bytes += data.len() as u64;
        for (_, state) in &mut self.states {
            match state {
                State::Md5(h) => h.update(data),
                State::Sha224(h) => h.update(data),
                State::Sha256(h) => h.update(data),
                State::Sha384(h) => h.update(data),
                State::Sha512(h) => h.update(data),
            }
        }
    }

    /// The lowercase hex digests, in the order the algorithms were given.
    pub fn finish(self) -> Digests {
        let hex = self
            .states
            .into_iter()
            .map(|(a, state)| {
                let digest = match state {
                    State::Md5(h) => crate::record::hex(&h.finalize()),
                    State::Sha224(h) => crate::record::hex(&h.finalize()),
                    State::Sha256(h) => crate::record::hex(&h.finalize()),
                    State::Sha384(h) => crate::record::hex(&h.finalize()),
                    State::Sha512(h) => crate::record::hex(&h.finalize()),
                };
                (a, digest)
            })
            .collect();
        Digests {
            hex,
            bytes: self.bytes,
        }
    }
}

/// The digests of one stream and its length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digests {
    pub hex: Vec<(Algorithm, String)>,
    pub bytes: u64,
}

impl Digests {
    pub fn get(&self, algorithm: Algorithm) -> Option<&str> {
        self.hex
            .iter()
            .find(|(a, _)| *a == algorithm)
            .map(|(_, d)| d.as_str())
    }
}

/// Hash everything `reader` yields.
pub fn digest_reader(mut reader: impl Read, algorithms: &[Algorithm]) -> io::Result<Digests> {
    let mut hasher = MultiHasher::new(algorithms);
    let mut buffer = vec![0u8; BUFFER_BYTES];
    loop {
        let n = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        hasher.update(buffer.get(..n).unwrap_or_default());
    }
    Ok(hasher.finish())
}

/// Hex SHA-256 of a file, streamed.
pub fn sha256_file(path: &std::path::Path) -> io::Result<String> {
    let file = std::fs::File::open(path)?;
    let digests = digest_reader(file, &[Algorithm::Sha256])?;
    Ok(digests
        .get(Algorithm::Sha256)
        .map(str::to_string)
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digests_in_one_pass() {
        let all = [
            Algorithm::Md5,
            Algorithm::Sha224,
            Algorithm::Sha256,
            Algorithm::Sha512,
        ];
        let d =
            digest_reader(&b"hello\n"[..], &all).unwrap_or_else(|_| MultiHasher::new(&[]).finish());
        assert_eq!(d.bytes, 6);
        assert_eq!(
            d.get(Algorithm::Md5),
            Some("b1946ac92492d2347c6235b4d2611184")
        );
        assert_eq!(
            d.get(Algorithm::Sha256),
            Some("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03")
        );
        assert!(d.get(Algorithm::Sha512).is_some_and(|h| h.len() == 128));
        assert!(d.get(Algorithm::Sha384).is_none());
    }
}

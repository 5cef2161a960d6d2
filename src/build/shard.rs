//! Shards: a portfolio built by N jobs at once, each building a fixed part of the clients.
//!
//! A client belongs to shard `1 + h mod N`, where `h` is the first eight bytes of the BLAKE3
//! hash of its folder name under `clients/`. The assignment depends on nothing but the
//! client's own name and N: adding or removing a client never moves another one to a
//! different shard, and every machine agrees on it.

use std::fmt;
use std::str::FromStr;

/// One part of N, numbered from 1 (`--shard 2/4`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u32,
    count: u32,
}

impl Shard {
    /// Part `index` (1 to `count`) of `count`; `None` when out of range.
    pub fn new(index: u32, count: u32) -> Option<Shard> {
        (1..=count)
            .contains(&index)
            .then_some(Shard { index, count })
    }

    /// The shard a client belongs to, among `count` (1 or more).
    pub fn of(slug: &str, count: u32) -> Shard {
        let hash = blake3::hash(slug.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&hash.as_bytes()[..8]);
        let count = count.max(1);
        let rest = u64::from_le_bytes(first) % u64::from(count);
        // `rest` is below `count`, a u32, so it fits.
        let index = u32::try_from(rest).unwrap_or(0) + 1;
        Shard { index, count }
    }

    /// Whether the client in `clients/<slug>/` is built by this shard.
    pub fn contains(&self, slug: &str) -> bool {
        Shard::of(slug, self.count) == *self
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let problem = || format!("\"{s}\" is not a shard: write I/N, e.g. 2/4 (part 2 of 4)");
        let (i, n) = s.split_once('/').ok_or_else(problem)?;
        let index: u32 = i.trim().parse().map_err(|_| problem())?;
        let count: u32 = n.trim().parse().map_err(|_| problem())?;
        if count == 0 {
            return Err(format!(
                "\"{s}\" is not a shard: N, the number of shards, is 1 or more"
            ));
        }
        Shard::new(index, count)
            .ok_or_else(|| format!("\"{s}\" is not a shard: I counts from 1 to N ({count})"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        assert_eq!("2/4".parse(), Ok(Shard::new(2, 4).unwrap()));
        assert_eq!("1/1".parse::<Shard>().unwrap().to_string(), "1/1");
        assert_eq!(
            "0/4".parse::<Shard>(),
            Err("\"0/4\" is not a shard: I counts from 1 to N (4)".to_owned())
        );
        assert_eq!(
            "5/4".parse::<Shard>(),
            Err("\"5/4\" is not a shard: I counts from 1 to N (4)".to_owned())
        );
        assert_eq!(
            "1/0".parse::<Shard>(),
            Err("\"1/0\" is not a shard: N, the number of shards, is 1 or more".to_owned())
        );
        for bad in ["3", "a/b", "-1/2", "1/2/3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    /// Every client is in exactly one shard, the shards share the clients out, and a
    /// client's shard is fixed by its name (these values are part of the promise: CI
    /// pipelines split work by them).
    #[test]
    fn every_client_in_exactly_one_shard_fixed_by_its_name() {
        let slugs: Vec<String> = (0..400).map(|i| format!("client-{i}")).collect();
        for count in 1..=7 {
            let shards: Vec<Shard> = (1..=count).map(|i| Shard::new(i, count).unwrap()).collect();
            let mut sizes = vec![0usize; shards.len()];
            for slug in &slugs {
                let holders: Vec<usize> = (0..shards.len())
                    .filter(|&i| shards[i].contains(slug))
                    .collect();
                assert_eq!(holders.len(), 1, "{slug} in {count} shards");
                sizes[holders[0]] += 1;
            }
            let fair = slugs.len() / shards.len();
            assert!(
                sizes.iter().all(|&s| s > fair / 2),
                "{count} shards: {sizes:?}"
            );
        }
        assert_eq!(Shard::of("acme", 4), Shard::of("acme", 4));
        assert_eq!(Shard::of("acme", 1), Shard::new(1, 1).unwrap());
    }
}

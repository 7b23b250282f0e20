//! Trusted IP ranges: an address or a CIDR block, IPv4 or IPv6
//! (`accessTokenTrustedIps`, `clientSecretTrustedIps`).

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One trusted range: `ADDRESS` or `ADDRESS/PREFIX`. An IPv4-mapped IPv6
/// client address (`::ffff:a.b.c.d`) matches the IPv4 ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpRange {
    /// The network address (host bits cleared).
    network: IpAddr,
    /// The prefix length in bits.
    prefix: u8,
}

impl IpRange {
    /// Every IPv4 and every IPv6 address: the default of both lists.
    pub fn everything() -> Vec<IpRange> {
        vec![
            IpRange { network: IpAddr::from([0, 0, 0, 0]), prefix: 0 },
            IpRange { network: IpAddr::from([0u16; 8]), prefix: 0 },
        ]
    }

    /// True if `ip` is inside the range.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            IpAddr::V4(_) => ip,
        };
        match (self.network, ip) {
            (IpAddr::V4(network), IpAddr::V4(ip)) => {
                let mask = mask_v4(self.prefix);
                u32::from(ip) & mask == u32::from(network) & mask
            }
            (IpAddr::V6(network), IpAddr::V6(ip)) => {
                let mask = mask_v6(self.prefix);
                u128::from(ip) & mask == u128::from(network) & mask
            }
            _ => false,
        }
    }

    /// True if `ip` is inside one of `ranges`.
    pub fn any_contains(ranges: &[IpRange], ip: IpAddr) -> bool {
        ranges.iter().any(|range| range.contains(ip))
    }
}

fn mask_v4(prefix: u8) -> u32 {
    if prefix == 0 { 0 } else { u32::MAX << (32 - u32::from(prefix.min(32))) }
}

fn mask_v6(prefix: u8) -> u128 {
    if prefix == 0 { 0 } else { u128::MAX << (128 - u32::from(prefix.min(128))) }
}

impl FromStr for IpRange {
    type Err = String;

    fn from_str(text: &str) -> Result<IpRange, String> {
        let text = text.trim();
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let address: IpAddr = address.parse().map_err(|_| format!("{text:?} is not an IP address or CIDR block"))?;
        let max = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(prefix) => match prefix.parse::<u8>() {
                Ok(bits) if bits <= max => bits,
                _ => return Err(format!("{text:?}: the prefix length must be 0 to {max}")),
            },
        };
        let network = match address {
            IpAddr::V4(v4) => IpAddr::from((u32::from(v4) & mask_v4(prefix)).to_be_bytes()),
            IpAddr::V6(v6) => IpAddr::from((u128::from(v6) & mask_v6(prefix)).to_be_bytes()),
        };
        Ok(IpRange { network, prefix })
    }
}

impl fmt::Display for IpRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

impl Serialize for IpRange {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IpRange {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<IpRange, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn cidr_blocks_match_their_addresses_only() {
        let range: IpRange = "10.1.0.0/16".parse().expect("range");
        assert!(range.contains(ip("10.1.255.3")));
        assert!(!range.contains(ip("10.2.0.1")));
        assert!(!range.contains(ip("::1")), "an IPv4 range never matches IPv6");
        assert!(range.contains(ip("::ffff:10.1.0.9")), "IPv4-mapped addresses match");
        let host: IpRange = "127.0.0.1".parse().expect("host");
        assert!(host.contains(ip("127.0.0.1")));
        assert!(!host.contains(ip("127.0.0.2")));
        let odd: IpRange = "192.168.1.77/30".parse().expect("host bits are cleared");
        assert_eq!(odd.to_string(), "192.168.1.76/30");
        assert!(odd.contains(ip("192.168.1.79")) && !odd.contains(ip("192.168.1.80")));
        let v6: IpRange = "2001:db8::/32".parse().expect("v6");
        assert!(v6.contains(ip("2001:db8:ffff::1")) && !v6.contains(ip("2001:db9::1")));
    }

    #[test]
    fn everything_matches_everything_and_bad_ranges_are_refused() {
        let all = IpRange::everything();
        for address in ["0.0.0.0", "255.255.255.255", "::", "fe80::1"] {
            assert!(IpRange::any_contains(&all, ip(address)), "{address}");
        }
        for bad in ["", "10.0.0.0/33", "::/129", "10.0.0/8", "host", "10.0.0.0/-1"] {
            assert!(bad.parse::<IpRange>().is_err(), "{bad:?}");
        }
    }
}

//! Secret splitting for the KMIP Split Key object (KMIP 2.1 §2.2.6, 1.4
//! §2.2.5): Shamir secret sharing over GF(2^8) (Split Key Method
//! "Polynomial Sharing GF(2^8)") and n-of-n XOR splitting (Split Key Method
//! "XOR").
//!
//! GF(2^8) is the AES field, GF(2)\[x\]/(x^8 + x^4 + x^3 + x + 1) (0x11B).
//! Each byte of the secret is shared on its own: byte `i` is the constant
//! term of a random polynomial of degree `threshold - 1`, and share `x`
//! holds that polynomial's value at `x` (the Key Part Identifier, 1..=n).
//! A share's bytes are the concatenation of those values, so it is as long
//! as the secret.
//!
//! The arithmetic is constant time in the secret: multiplication is a
//! bitwise carry-less multiply with masks, inverses are computed as
//! `a^254` with a fixed chain of multiplications, and nothing indexes a
//! table or branches on a secret byte. The share coordinates (`x`) are
//! public and may be branched on.

use std::fmt;

use zeroize::Zeroizing;

/// One share of a split secret.
#[derive(Clone)]
pub struct Share {
    /// The x-coordinate (KMIP Key Part Identifier), never 0.
    pub x: u8,
    /// The share bytes, as long as the secret.
    pub y: Zeroizing<Vec<u8>>,
}

impl fmt::Debug for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Share").field("x", &self.x).field("len", &self.y.len()).finish()
    }
}

/// Why a split or join was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShamirError {
    /// There is nothing to split.
    #[error("the secret is empty")]
    EmptySecret,
    /// The number of parts is zero.
    #[error("the number of parts must be at least 1")]
    NoParts,
    /// The threshold is zero or larger than the number of parts.
    #[error("the threshold {threshold} must be between 1 and the number of parts ({parts})")]
    BadThreshold {
        /// The threshold asked for.
        threshold: u8,
        /// The number of parts asked for.
        parts: u8,
    },
    /// No shares were given to join.
    #[error("no shares to join")]
    NoShares,
    /// A share has x-coordinate 0, which would be the secret itself.
    #[error("a share has the identifier 0")]
    ZeroX,
    /// Two shares have the same x-coordinate.
    #[error("two shares have the identifier {0}")]
    DuplicateX(u8),
    /// The shares are not all as long as each other, or are empty.
    #[error("the shares differ in length or are empty")]
    LengthMismatch,
}

/// Multiplication in GF(2^8) with the AES polynomial, without branches
/// or table lookups.
pub fn gf_mul(a: u8, b: u8) -> u8 {
    let mut a = a;
    let mut b = b;
    let mut product = 0u8;
    for _ in 0..8 {
        // All ones when the low bit of b is set.
        product ^= a & 0u8.wrapping_sub(b & 1);
        b >>= 1;
        // Reduce by x^8 = x^4 + x^3 + x + 1 when a's top bit shifts out.
        let carry = 0u8.wrapping_sub(a >> 7);
        a = (a << 1) ^ (0x1B & carry);
    }
    product
}

/// The multiplicative inverse in GF(2^8) as `a^254` (0 maps to 0), with
/// the same multiplications whatever `a` is.
pub fn gf_inv(a: u8) -> u8 {
    // 254 = 0b1111_1110: a^2, a^4 ... a^128 multiplied together.
    let mut square = gf_mul(a, a); // a^2
    let mut result = square;
    for _ in 0..6 {
        square = gf_mul(square, square); // a^4 ... a^128
        result = gf_mul(result, square);
    }
    result
}

/// Splits `secret` into `parts` shares, any `threshold` of which give it
/// back. `random` fills buffers with uniformly random bytes (the
/// polynomial coefficients). Threshold 1 makes every share equal to the
/// secret.
pub fn split(
    secret: &[u8],
    parts: u8,
    threshold: u8,
    random: &mut dyn FnMut(&mut [u8]),
) -> Result<Vec<Share>, ShamirError> {
    check_split(secret, parts, threshold)?;
    let degree = usize::from(threshold - 1);
    // coefficients[i * degree + (k - 1)]: coefficient of x^k for byte i.
    let mut coefficients = Zeroizing::new(vec![0u8; secret.len() * degree]);
    random(&mut coefficients);
    let mut shares = Vec::with_capacity(usize::from(parts));
    for x in 1..=parts {
        let mut y = Zeroizing::new(Vec::with_capacity(secret.len()));
        for (i, &constant) in secret.iter().enumerate() {
            let terms = &coefficients[i * degree..(i + 1) * degree];
            // Horner: ((a_d x + a_{d-1}) x + ...) x + a_0.
            let mut value = 0u8;
            for &coefficient in terms.iter().rev() {
                value = gf_mul(value, x) ^ coefficient;
            }
            y.push(gf_mul(value, x) ^ constant);
        }
        shares.push(Share { x, y });
    }
    Ok(shares)
}

/// Joins shares by Lagrange interpolation at 0. With fewer shares than the
/// threshold the result is not the secret (and says nothing about it).
pub fn join(shares: &[Share]) -> Result<Zeroizing<Vec<u8>>, ShamirError> {
    let len = check_join(shares)?;
    let mut secret = Zeroizing::new(vec![0u8; len]);
    for (i, share) in shares.iter().enumerate() {
        // l_i(0) = prod_{j != i} x_j / (x_j - x_i); minus is XOR here.
        let mut numerator = 1u8;
        let mut denominator = 1u8;
        for (j, other) in shares.iter().enumerate() {
            if i != j {
                numerator = gf_mul(numerator, other.x);
                denominator = gf_mul(denominator, other.x ^ share.x);
            }
        }
        let basis = gf_mul(numerator, gf_inv(denominator));
        for (out, &y) in secret.iter_mut().zip(share.y.iter()) {
            *out ^= gf_mul(basis, y);
        }
    }
    Ok(secret)
}

/// Splits `secret` into `parts` shares that XOR to it (all are needed):
/// the first `parts - 1` are random, the last is the secret XOR them.
pub fn xor_split(secret: &[u8], parts: u8, random: &mut dyn FnMut(&mut [u8])) -> Result<Vec<Share>, ShamirError> {
    check_split(secret, parts, parts)?;
    let mut last = Zeroizing::new(secret.to_vec());
    let mut shares = Vec::with_capacity(usize::from(parts));
    for x in 1..parts {
        let mut y = Zeroizing::new(vec![0u8; secret.len()]);
        random(&mut y);
        for (out, &r) in last.iter_mut().zip(y.iter()) {
            *out ^= r;
        }
        shares.push(Share { x, y });
    }
    shares.push(Share { x: parts, y: last });
    Ok(shares)
}

/// Joins XOR shares: the XOR of them all. The caller checks that every
/// part is present; a missing one gives a value unrelated to the secret.
pub fn xor_join(shares: &[Share]) -> Result<Zeroizing<Vec<u8>>, ShamirError> {
    let len = check_join(shares)?;
    let mut secret = Zeroizing::new(vec![0u8; len]);
    for share in shares {
        for (out, &y) in secret.iter_mut().zip(share.y.iter()) {
            *out ^= y;
        }
    }
    Ok(secret)
}

fn check_split(secret: &[u8], parts: u8, threshold: u8) -> Result<(), ShamirError> {
    if secret.is_empty() {
        return Err(ShamirError::EmptySecret);
    }
    if parts == 0 {
        return Err(ShamirError::NoParts);
    }
    if threshold == 0 || threshold > parts {
        return Err(ShamirError::BadThreshold { threshold, parts });
    }
    Ok(())
}

/// The common share length, after checking the coordinates.
fn check_join(shares: &[Share]) -> Result<usize, ShamirError> {
    let first = shares.first().ok_or(ShamirError::NoShares)?;
    let len = first.y.len();
    if len == 0 {
        return Err(ShamirError::LengthMismatch);
    }
    let mut seen = [false; 256];
    for share in shares {
        if share.x == 0 {
            return Err(ShamirError::ZeroX);
        }
        if std::mem::replace(&mut seen[usize::from(share.x)], true) {
            return Err(ShamirError::DuplicateX(share.x));
        }
        if share.y.len() != len {
            return Err(ShamirError::LengthMismatch);
        }
    }
    Ok(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic byte stream (xorshift64*), for repeatable tests.
    fn fixed_rng(seed: u64) -> impl FnMut(&mut [u8]) {
        let mut state = seed | 1;
        move |buf: &mut [u8]| {
            for byte in buf {
                state ^= state >> 12;
                state ^= state << 25;
                state ^= state >> 27;
                *byte = (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8;
            }
        }
    }

    fn secret() -> Vec<u8> {
        (0u8..32).map(|i| i.wrapping_mul(37) ^ 0xA5).collect()
    }

    /// Every subset of `shares` (as bit masks over their indices).
    fn subsets(shares: &[Share]) -> impl Iterator<Item = Vec<Share>> + '_ {
        (1u32..(1 << shares.len())).map(move |mask| {
            shares.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, s)| s.clone()).collect()
        })
    }

    /// Slow reference multiplication: shift-and-add with explicit
    /// reduction by 0x11B.
    fn reference_mul(a: u8, b: u8) -> u8 {
        let mut product: u16 = 0;
        for bit in 0..8 {
            if b & (1 << bit) != 0 {
                product ^= u16::from(a) << bit;
            }
        }
        for bit in (8..16).rev() {
            if product & (1 << bit) != 0 {
                product ^= 0x11B << (bit - 8);
            }
        }
        product as u8
    }

    #[test]
    fn gf_known_answers() {
        assert_eq!(gf_mul(0x53, 0xCA), 0x01);
        assert_eq!(gf_mul(0x57, 0x83), 0xC1); // FIPS 197 §4.2
        assert_eq!(gf_mul(0x57, 0x13), 0xFE); // FIPS 197 §4.2.1
        assert_eq!(gf_inv(0x53), 0xCA);
        assert_eq!(gf_inv(0xCA), 0x53);
        assert_eq!(gf_inv(0x01), 0x01);
        assert_eq!(gf_inv(0x00), 0x00);
    }

    #[test]
    fn gf_arithmetic_is_a_field() {
        for a in 0..=255u8 {
            assert_eq!(gf_mul(a, 1), a);
            assert_eq!(gf_mul(a, 0), 0);
            if a != 0 {
                assert_eq!(gf_mul(a, gf_inv(a)), 1, "inverse of {a:#04x}");
            }
            for b in 0..=255u8 {
                assert_eq!(gf_mul(a, b), reference_mul(a, b), "{a:#04x} * {b:#04x}");
                assert_eq!(gf_mul(a, b), gf_mul(b, a));
            }
        }
    }

    #[test]
    fn round_trips() {
        let secret = secret();
        for (parts, threshold) in [(3u8, 2u8), (5, 3), (5, 5), (1, 1), (255, 2), (4, 1)] {
            let shares = split(&secret, parts, threshold, &mut fixed_rng(u64::from(parts) * 7 + 1)).expect("splits");
            assert_eq!(shares.len(), usize::from(parts));
            assert!(shares.iter().enumerate().all(|(i, s)| usize::from(s.x) == i + 1 && s.y.len() == secret.len()));
            assert_eq!(&join(&shares).expect("joins")[..], &secret[..], "{threshold}-of-{parts}");
            let first = &shares[..usize::from(threshold)];
            assert_eq!(&join(first).expect("joins")[..], &secret[..]);
            let last = &shares[shares.len() - usize::from(threshold)..];
            assert_eq!(&join(last).expect("joins")[..], &secret[..]);
        }
    }

    #[test]
    fn threshold_one_shares_are_the_secret() {
        let secret = secret();
        let shares = split(&secret, 4, 1, &mut fixed_rng(3)).expect("splits");
        assert!(shares.iter().all(|s| s.y[..] == secret[..]));
    }

    #[test]
    fn every_subset_at_the_threshold_joins_and_below_it_does_not() {
        let secret = secret();
        for (parts, threshold) in [(3u8, 2u8), (5, 3), (5, 5)] {
            let shares = split(&secret, parts, threshold, &mut fixed_rng(42)).expect("splits");
            for subset in subsets(&shares) {
                let joined = join(&subset).expect("joins");
                if subset.len() >= usize::from(threshold) {
                    assert_eq!(&joined[..], &secret[..], "{subset:?}");
                } else {
                    assert_ne!(&joined[..], &secret[..], "{subset:?}");
                }
            }
        }
    }

    #[test]
    fn shares_below_the_threshold_look_random() {
        // 2-of-3 over one byte value: a single share's byte is the
        // constant plus a random multiple of x, so over many secrets the
        // first share is not the secret itself.
        let secret = vec![0x42u8; 64];
        let shares = split(&secret, 3, 2, &mut fixed_rng(9)).expect("splits");
        let equal = shares[0].y.iter().zip(&secret).filter(|(a, b)| a == b).count();
        assert!(equal < 8, "{equal} of 64 bytes of a share equal the secret");
    }

    #[test]
    fn xor_round_trips() {
        let secret = secret();
        for parts in [1u8, 2, 3, 5] {
            let shares = xor_split(&secret, parts, &mut fixed_rng(5)).expect("splits");
            assert_eq!(shares.len(), usize::from(parts));
            assert_eq!(&xor_join(&shares).expect("joins")[..], &secret[..]);
            if parts > 1 {
                assert_ne!(&xor_join(&shares[1..]).expect("joins")[..], &secret[..]);
            }
        }
        let shares = xor_split(&secret, 1, &mut fixed_rng(5)).expect("splits");
        assert_eq!(&shares[0].y[..], &secret[..]);
    }

    #[test]
    fn refusals() {
        let rng = &mut fixed_rng(1);
        assert_eq!(split(&[], 3, 2, rng).err(), Some(ShamirError::EmptySecret));
        assert_eq!(split(b"k", 0, 0, rng).err(), Some(ShamirError::NoParts));
        assert_eq!(split(b"k", 3, 0, rng).err(), Some(ShamirError::BadThreshold { threshold: 0, parts: 3 }));
        assert_eq!(split(b"k", 3, 4, rng).err(), Some(ShamirError::BadThreshold { threshold: 4, parts: 3 }));
        assert_eq!(xor_split(&[], 3, rng).err(), Some(ShamirError::EmptySecret));
        assert_eq!(xor_split(b"k", 0, rng).err(), Some(ShamirError::NoParts));

        let share = |x: u8, y: &[u8]| Share { x, y: Zeroizing::new(y.to_vec()) };
        assert_eq!(join(&[]).err(), Some(ShamirError::NoShares));
        assert_eq!(join(&[share(0, b"ab"), share(1, b"cd")]).err(), Some(ShamirError::ZeroX));
        assert_eq!(join(&[share(2, b"ab"), share(2, b"cd")]).err(), Some(ShamirError::DuplicateX(2)));
        assert_eq!(join(&[share(1, b"ab"), share(2, b"c")]).err(), Some(ShamirError::LengthMismatch));
        assert_eq!(join(&[share(1, b"")]).err(), Some(ShamirError::LengthMismatch));
        assert_eq!(xor_join(&[]).err(), Some(ShamirError::NoShares));
        assert_eq!(xor_join(&[share(1, b"ab"), share(1, b"ab")]).err(), Some(ShamirError::DuplicateX(1)));
        assert_eq!(xor_join(&[share(1, b"ab"), share(2, b"abc")]).err(), Some(ShamirError::LengthMismatch));
    }

    #[test]
    fn debug_hides_the_share_bytes() {
        let shown = format!("{:?}", Share { x: 3, y: Zeroizing::new(vec![0xAB; 4]) });
        assert_eq!(shown, "Share { x: 3, len: 4 }");
    }
}

package nl.voorkant.core;

/**
 * The project's one 64-bit mixer, SplitMix64's (Steele, Lea and Flood, 2014): hash tables with
 * linear probing and hashes cut to a few low bits need every input bit to reach every output bit.
 */
public final class Hash64 {
    private Hash64() {}

    /** 2^64 divided by the golden ratio, made odd: SplitMix64's increment, which spreads consecutive seeds apart. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** SplitMix64's finaliser: a bijection on 64 bits in which each input bit flips about half of the output bits. */
    public static long mix(long h) {
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}

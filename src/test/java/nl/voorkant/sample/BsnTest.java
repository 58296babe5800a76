package nl.voorkant.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BsnTest {
    @Test
    void elevenProofByHand() {
        // 9·1 + 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·8 − 2 = 154 = 14 · 11
        assertTrue(Bsn.isValid("123456782"));
        // the same with check digit 9: 147, not a multiple of 11
        assertFalse(Bsn.isValid("123456789"));
        assertTrue(Bsn.isValid("111222333"));
        assertFalse(Bsn.isValid("11122233"));
        assertFalse(Bsn.isValid("11122233x"));
        assertEquals(2, Bsn.checkDigit(12_345_678));
    }

    @Test
    void sequenceGivesDistinctValidNumbers() {
        Bsn ids = new Bsn();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = ids.next();
            assertTrue(Bsn.isValid(id), id);
            assertTrue(seen.add(id), "repeated " + id);
        }
    }
}

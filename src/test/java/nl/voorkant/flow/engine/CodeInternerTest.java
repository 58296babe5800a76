package nl.voorkant.flow.engine;

import static org.junit.jupiter.api.Assertions.*;

import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class CodeInternerTest {
    private static String of(CodeInterner strings, String value) {
        return strings.of(new GenericInternalRow(new Object[] {value == null ? null : UTF8String.fromString(value)}), 0);
    }

    @Test
    void codesThatShareTheirFirstEightBytesStayApart() {
        CodeInterner strings = new CodeInterner();
        assertEquals("begeleiding", of(strings, "begeleiding"));
        assertEquals("begeleidinx", of(strings, "begeleidinx"), "same prefix and length, other last byte");
        assertEquals("begeleidingen", of(strings, "begeleidingen"));
        assertEquals("AB", of(strings, "AB"));
        assertEquals("AB\0", of(strings, "AB\0"), "same zero-padded prefix, other length");
        assertNull(of(strings, null));
        assertSame(of(strings, "begeleiding"), of(strings, "begeleiding"), "one String per code");
        assertSame(of(strings, "GM0482"), of(strings, "GM0482"));
    }

    @Test
    void codesThatShareBothEndsStayApart() {
        CodeInterner strings = new CodeInterner();
        // Sixteen bytes: the first eight and the last eight hold every byte, so the ninth tells them apart.
        assertEquals("abcdefghXjklmnop", of(strings, "abcdefghXjklmnop"));
        assertEquals("abcdefghYjklmnop", of(strings, "abcdefghYjklmnop"), "sixteen bytes, other ninth byte");
        // Nineteen bytes: the same first and last eight, another byte between them.
        assertEquals("specialistische_ggz", of(strings, "specialistische_ggz"));
        assertEquals("specialistIsche_ggz", of(strings, "specialistIsche_ggz"), "other middle byte");
        assertSame(of(strings, "specialistische_ggz"), of(strings, "specialistische_ggz"), "one String per long code");
        assertSame(of(strings, "abcdefghYjklmnop"), of(strings, "abcdefghYjklmnop"));
    }

    @Test
    void codesUpToTwentyFourBytesAreKnownByThreeLongsAndLongerOnesByAllTheirBytes() {
        CodeInterner strings = new CodeInterner();
        String base = "abcdefgh12345678ABCDEFGH";
        assertEquals(base, of(strings, base));
        assertEquals("abcdefgh1234X678ABCDEFGH", of(strings, "abcdefgh1234X678ABCDEFGH"),
                "twenty-four bytes that differ only in their second eight");
        assertEquals("abcdefgh12345678ABCDXFGH", of(strings, "abcdefgh12345678ABCDXFGH"), "… or only in their last eight");
        // Thirty bytes: bytes 16-21 are in none of the three longs, so only all the bytes tell these apart.
        assertEquals("abcdefgh12345678_____XABCDEFGH", of(strings, "abcdefgh12345678_____XABCDEFGH"));
        assertEquals("abcdefgh12345678_____YABCDEFGH", of(strings, "abcdefgh12345678_____YABCDEFGH"),
                "thirty bytes that differ in a byte none of the three longs holds");
        assertSame(of(strings, base), of(strings, base), "one String per code of twenty-four bytes");
    }

    @Test
    void manyCodesSurviveTheTableGrowing() {
        CodeInterner strings = new CodeInterner();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5_000; i++) {
                String shortCode = "P" + i, longCode = "productgroep_" + i;
                assertEquals(shortCode, of(strings, shortCode));
                assertEquals(longCode, of(strings, longCode));
            }
        }
    }
}

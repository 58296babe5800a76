package nl.voorkant.testing;

import java.util.List;

/** A claims file with every kind of defect once, between good lines; the amounts make the sums easy to check. */
public final class DefectFile {
    private DefectFile() {}

    public static final String HEADER = "claim_id,client_id,birth_date,municipality_code,product_category,product_code,"
            + "provider_code,referrer,period_start,period_end,volume,unit,amount,debit_credit";

    public static final List<String> LINES = List.of(
            HEADER,
            "ok1,111111110,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,100.00,D",           // line 2
            "c1,111111110,GM0482",                                                                // 3 malformed_row
            ",111111110,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,1.01,D",                  // 4 missing_claim_id
            "c3,,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,1.02,D",                         // 5 missing_client_id
            "c4,222222220,,,45,H300,1,01,2019-01-01,2019-01-31,1,04,1.03,D",                      // 6 missing_municipality
            "c5,222222220,,GM0482,45,,1,01,2019-01-01,2019-01-31,1,04,1.04,D",                    // 7 missing_product
            "",                                                                                   // 8 blank: not a row
            "c6,222222220,,GM0482,45,H300,1,01,2019-02-30,2019-03-31,1,04,1.05,D",                // 9 invalid_date
            "c7,222222220,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,abc,D",                 // 10 invalid_number
            "c8,333333330,,GM0482,45,H300,1,01,2019-02-01,2019-01-31,1,04,1.06,D",                // 11 end before start
            "c9,333333330,,GM0482,45,H300,1,01,2009-01-01,2009-01-31,1,04,1.07,D",                // 12 outside window
            "c10,333333330,,GM9999,45,H300,1,01,2019-01-01,2019-01-31,1,04,1.08,D",               // 13 unknown municipality
            "c11,444444440,,GM0482,45,ZZ,1,01,2019-01-01,2019-01-31,1,04,1.09,D",                 // 14 unknown product
            "c12,444444440,,GM0482,45,H300,1,07,2019-01-01,2019-01-31,1,04,1.10,D",               // 15 unknown referrer
            "c13,444444440,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,1.11,X",               // 16 unknown debit/credit
            "ok1,555555550,,GM0482,45,H300,1,01,2019-01-01,2019-01-31,1,04,1.12,D",               // 17 duplicate claim_id
            "ok2,555555550,,GM0482,45,H153,1,02,2019-02-01,2019-02-28,1,04,200.00,C");           // 18

}

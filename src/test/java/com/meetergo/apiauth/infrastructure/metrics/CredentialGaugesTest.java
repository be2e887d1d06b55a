package com.meetergo.apiauth.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.meetergo.apiauth.infrastructure.metrics.CredentialGauges.CompanyCount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which companies get series of their own when an operator asks for them: the bound holds. */
class CredentialGaugesTest {

    private static final List<CompanyCount> COUNTS = List.of(
            new CompanyCount("c", 5, 1),
            new CompanyCount("a", 40, 0),
            new CompanyCount("b", 5, 5),
            new CompanyCount("quiet", 0, 0),
            new CompanyCount("d", 1, 0));

    @Test
    void theCompaniesWithTheMostLiveCredentialsTiesByIdNoneWithNone() {
        assertEquals(List.of("a", "b", "c"), companies(CredentialGauges.largest(COUNTS, 3)));
        assertEquals(List.of("a", "b", "c", "d"), companies(CredentialGauges.largest(COUNTS, 100)));
        assertEquals(List.of(), CredentialGauges.largest(COUNTS, 0), "the default: totals only");
    }

    @Test
    void aBoundOfTenThousandHoldsAgainstFiftyThousandCompanies() {
        var many = new ArrayList<CompanyCount>();
        for (int i = 0; i < 50_000; i++) {
            many.add(new CompanyCount("company-" + i, i % 97, 0));
        }
        var largest = CredentialGauges.largest(many, 10_000);
        assertEquals(10_000, largest.size());
        assertEquals(96, largest.get(0).active());
    }

    private static List<String> companies(List<CompanyCount> counts) {
        return counts.stream().map(CompanyCount::company).toList();
    }
}

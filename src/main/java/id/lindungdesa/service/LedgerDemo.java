package id.lindungdesa.service;

import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Payment;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Demo ledger: the last twelve closed months paid (APBD by the district in one payment, APBDes and Dana Desa by
 * each village), except a few villages that stopped paying four months ago, so the arrears and lapse screens have
 * something to show.
 */
final class LedgerDemo {
    private LedgerDemo() {}

    static void addPayments(CoreServices services, Random random, LocalDate today) {
        String district = services.coverage().officeRegion();
        LedgerService ledger = services.ledger();
        YearMonth last = YearMonth.from(today).minusMonths(1);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 11; i >= 0; i--) months.add(last.minusMonths(i));
        LedgerService.Billing b = ledger.billingFor(months, List.of());
        OffsetDateTime now = OffsetDateTime.now(services.clock());
        List<Payment> out = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            YearMonth m = last.minusMonths(i);
            LocalDate paidOn = m.plusMonths(1).atDay(10);
            long apbd = b.billed(m, FundingSource.APBD).values().stream().mapToLong(Long::longValue).sum();
            if (apbd > 0) {
                out.add(new Payment(uuid(random), 1, m, FundingSource.APBD, district, apbd, paidOn, null, now,
                        services.actor()));
            }
            for (FundingSource src : new FundingSource[] {FundingSource.APBDES, FundingSource.DANA_DESA}) {
                for (Map.Entry<String, Long> e : new java.util.TreeMap<>(b.billed(m, src)).entrySet()) {
                    int h = Math.floorMod(e.getKey().hashCode(), 53);
                    if (h == 7 && i < 4) continue; // this village stopped paying four months ago
                    long amount = h == 11 && i == 0 ? e.getValue() / 2 : e.getValue(); // half paid last month
                    out.add(new Payment(uuid(random), 1, m, src, e.getKey(), amount, paidOn, null, now,
                            services.actor()));
                }
            }
        }
        ledger.recordPayments(out, "Buku iuran demo: " + out.size() + " pembayaran");
    }

    private static UUID uuid(Random rnd) {
        long hi = (rnd.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (rnd.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }
}

package id.lindungdesa.service;

import id.lindungdesa.domain.AddendumChange;
import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.MonevScheduleItem;
import id.lindungdesa.domain.Programme;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * Demo agreements: a PKS signed in 2023 covering kepala desa (JKK+JKM from APBD) valid until 14 December 2025,
 * an addendum adding BPD (Dana Desa) from July 2024, a renewal for 2026–2027, and monev records with the latest
 * scheduled one left open (overdue once its date has passed) and one follow-up still open.
 */
final class AgreementDemo implements DemoService.Extension {

    @Override
    public void addDemoContent(CoreServices s, Random random, LocalDate today) {
        if (!s.agreements().all().isEmpty()) return;
        String district = s.currentOffice().map(o -> o.name()).orElse("Kabupaten Demo");
        String place = district.replaceFirst("(?i)^(DPMD\\s+)?(Kabupaten|Kota)\\s+", "");
        long villages = s.regions().within(s.currentOffice().map(o -> o.regionCode()).orElse("")).stream()
                .filter(r -> r.villageType() != null && r.villageType() != id.lindungdesa.domain.VillageType.KELURAHAN)
                .count();
        long kades = Math.max(1, villages);
        var jkkJkm = EnumSet.of(Programme.JKK, Programme.JKM);
        CoverageTerm kadesTerm = new CoverageTerm(Category.KEPALA_DESA, FundingSource.APBD, jkkJkm, 3_000_000L, 16_200L);
        CoverageTerm bpdTerm = new CoverageTerm(Category.BPD, FundingSource.DANA_DESA, jkkJkm, 1_000_000L, 16_800L);
        List<AgreementParty> parties = List.of(
                new AgreementParty("Pihak Pertama", "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten " + place,
                        "Kepala DPMD Kabupaten " + place),
                new AgreementParty("Pihak Kedua", "BPJS Ketenagakerjaan Kantor Cabang " + place,
                        "Kepala Kantor Cabang BPJS Ketenagakerjaan " + place));
        List<String> bases2023 = List.of("UU 24/2011 tentang BPJS", "UU 6/2014 tentang Desa Pasal 66",
                "Inpres 2/2021 tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan",
                "Permendagri 84/2022 tentang Pedoman Penyusunan APBD 2023");
        Agreement pks = s.agreements().create(new AgreementService.NewAgreement("445/001/PKS-DPMD/2023",
                "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Kepala Desa", parties, LocalDate.of(2023, 3, 14),
                LocalDate.of(2023, 3, 14), LocalDate.of(2025, 12, 14), bases2023, List.of(kadesTerm),
                kades * 16_200L * 33, "Iuran dibayar per bulan melalui APBD; daftar peserta dimutakhirkan tiap triwulan.",
                null, null), null);
        s.agreements().addAddendum(new AgreementService.NewAddendum(pks.id(), "445/001.1/ADD-PKS/2024",
                LocalDate.of(2024, 6, 20), LocalDate.of(2024, 7, 1), null,
                kades * 16_200L * 33 + kades * 7 * 16_800L * 18,
                List.of(new AddendumChange(AddendumChange.Kind.ADD, bpdTerm)),
                "Mengikuti PKS Ditjen Bina Pemdes–BPJS Ketenagakerjaan: anggota BPD ikut dilindungi."));
        List<String> bases2025 = new ArrayList<>(bases2023.subList(0, 3));
        bases2025.add(1, "UU 3/2024 tentang Perubahan Kedua atas UU 6/2014 tentang Desa");
        bases2025.add("Permendagri tentang Pedoman Penyusunan APBD 2026");
        s.agreements().create(new AgreementService.NewAgreement("445/012/PKS-DPMD/2025",
                "Perpanjangan PKS Jaminan Sosial Ketenagakerjaan Kepala Desa dan BPD 2026–2027", parties,
                LocalDate.of(2025, 12, 10), LocalDate.of(2025, 12, 15), LocalDate.of(2027, 12, 31), bases2025,
                List.of(kadesTerm, bpdTerm), kades * (16_200L + 7 * 16_800L) * 25,
                "Perpanjangan atas PKS 445/001/PKS-DPMD/2023 beserta adendumnya.", null, pks.id()), null);
        // Monev: hold every scheduled one already due, except the latest (left overdue).
        List<MonevScheduleItem> past = s.monev().schedule(null).stream()
                .filter(i -> !i.done() && i.dueDate().isBefore(today))
                .sorted(Comparator.comparing(MonevScheduleItem::dueDate)).toList();
        for (int i = 0; i < past.size() - 1; i++) {
            MonevScheduleItem item = past.get(i);
            LocalDate held = item.dueDate().plusDays(5).isAfter(today) ? today : item.dueDate().plusDays(5);
            boolean lastHeld = i == past.size() - 2;
            s.monev().record(new MonevService.NewEvaluation(item.agreementId(), item.id(), held,
                    "DPMD (Kabid Pemerintahan Desa), BPJS Ketenagakerjaan Kantor Cabang " + place
                            + ", perwakilan camat dan APDESI",
                    FINDINGS[i % FINDINGS.length],
                    List.of(new MonevService.NewFollowUp(ACTIONS[i % ACTIONS.length], OWNERS[i % OWNERS.length],
                            held.plusDays(30)))));
            if (!lastHeld) {
                var e = s.monev().evaluations(item.agreementId()).stream()
                        .filter(x -> x.date().equals(held)).findFirst().orElseThrow();
                for (var f : e.followUps()) {
                    LocalDate done = f.dueDate().minusDays(3).isAfter(today) ? today : f.dueDate().minusDays(3);
                    s.monev().markDone(f.id(), f.version(), done);
                }
            }
        }
    }

    private static final String[] FINDINGS = {
        "Sebagian kepala desa baru belum didaftarkan; data NIK beberapa peserta tidak sesuai KTP.",
        "Pembayaran iuran APBD terlambat satu bulan pada triwulan II.",
        "Anggota BPD hasil pengisian antarwaktu belum dimutakhirkan.",
        "Klaim JKK satu peserta selesai dalam 14 hari; sosialisasi ke desa perlu ditingkatkan.",
        "Daftar peserta belum dicocokkan dengan SK pemberhentian perangkat yang mencapai usia 60 tahun."};
    private static final String[] ACTIONS = {
        "Mendaftarkan kepala desa baru hasil Pilkades",
        "Menyampaikan jadwal pembayaran iuran ke BPKAD",
        "Memutakhirkan data anggota BPD PAW",
        "Sosialisasi klaim ke kecamatan",
        "Mencocokkan daftar peserta dengan SK pemberhentian"};
    private static final String[] OWNERS = {"Kasi Pemerintahan Desa DPMD", "Bendahara DPMD",
        "Kabid Kelembagaan Desa", "BPJS Ketenagakerjaan KC", "Kasi Aparatur Desa DPMD"};
}

package id.lindungdesa.service;

import id.lindungdesa.wiring.Services;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.task.Progress;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.EnumSet;

/** Small hand-built districts whose coverage and budget can be computed by hand. */
public final class ReportFixture {
    private ReportFixture() {}

    /** Kabupaten Serang as in domain.md: 326 desa in 29 kecamatan (synthetic names). */
    public static void serangRegions(Services s) {
        StringBuilder csv = new StringBuilder("kode,nama\n36,Banten\n36.04,Kabupaten Serang\n");
        int v = 0;
        for (int k = 1; k <= 29; k++) {
            csv.append(String.format("36.04.%02d,Kecamatan %d%n", k, k));
            int villages = k <= 7 ? 12 : 11; // 7 x 12 + 22 x 11 = 326
            for (int d = 1; d <= villages; d++) {
                csv.append(String.format("36.04.%02d.2%03d,Desa %d-%d%n", k, d, k, d));
                v++;
            }
        }
        if (v != 326) throw new IllegalStateException("villages " + v);
        s.regions().importCsv(new StringReader(csv.toString()), "serang.csv", null, Progress.NONE);
        s.office().init(OfficeLevel.DISTRICT, "36.04", "Kabupaten Serang", "Siti Rahmawati");
    }

    private static int serial;

    /** Kabupaten Sambas, two kecamatan, three desa (Lorong and Durian in Sambas, Sekura in Teluk Keramat). */
    public static Services sambas(java.nio.file.Path dir, LocalDate today) {
        Services s = id.lindungdesa.testing.TestDb.open(dir, today);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "Kabupaten Sambas", "Sri Wahyuni");
        s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                + "61.01.01,Sambas\n61.01.01.2001,Lorong\n61.01.01.2002,Durian\n61.01.02,Teluk Keramat\n"
                + "61.01.02.2001,Sekura\n"), "t.csv", null, Progress.NONE);
        return s;
    }

    public static Person person(Services s, String village, Sex sex, LocalDate birth, EmploymentStatus status) {
        String prefix = village.substring(0, 8).replace(".", "");
        String nik = Nik.compose(prefix, birth, sex, ++serial % 9000 + 1);
        return s.roster().addPerson(new RosterService.NewPerson(nik, "Orang " + serial, sex, birth, "Serang", null,
                null, status, village));
    }

    public static Post appoint(Services s, Person p, String village, Position pos, LocalDate start) {
        return s.roster().appoint(new RosterService.NewPost(p.id(), village, pos, null, null, null, start, null));
    }

    /** PU JKK (class 1) + JKM on {@code wage}: Rp16.200 a month on Rp3.000.000. */
    public static Enrolment enrolPu(Services s, Person p, Post post, long wage, FundingSource source,
                                    LocalDate activeFrom) {
        return s.enrolments().enrol(new EnrolmentService.NewEnrolment(p.id(), post.id(), null, Segment.PU,
                EnumSet.of(Programme.JKK, Programme.JKM), 1, wage, source, EnrolmentState.ACTIVE, activeFrom));
    }

    /** Every village of Serang gets a kepala desa enrolled at Rp3.000.000 (Rp16.200 a month), APBD (one batch). */
    public static void serangKepalaDesa(Services s, LocalDate activeFrom) {
        java.util.List<Person> people = new java.util.ArrayList<>();
        java.util.List<Post> posts = new java.util.ArrayList<>();
        java.util.List<Enrolment> enrolments = new java.util.ArrayList<>();
        java.util.List<id.lindungdesa.domain.EnrolmentStatus> statuses = new java.util.ArrayList<>();
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(s.clock());
        for (var r : s.regions().within("36.04")) {
            if (r.villageType() == null) continue;
            String prefix = r.code().substring(0, 8).replace(".", "");
            Person p = new Person(java.util.UUID.randomUUID(), 1, Nik.compose(prefix, LocalDate.of(1975, 5, 5), Sex.L,
                    ++serial % 9000 + 1), "Kepala Desa " + r.name(), Sex.L, LocalDate.of(1975, 5, 5), "Serang", null,
                    null, EmploymentStatus.NON_ASN, r.code());
            Post post = new Post(java.util.UUID.randomUUID(), 1, p.id(), r.code(), Position.KEPALA_DESA, null, null,
                    null, LocalDate.of(2022, 1, 10), LocalDate.of(2030, 1, 10), null, null);
            Enrolment e = new Enrolment(java.util.UUID.randomUUID(), 1, p.id(), post.id(), null, Segment.PU,
                    EnumSet.of(Programme.JKK, Programme.JKM), 1, 3_000_000, FundingSource.APBD);
            people.add(p);
            posts.add(post);
            enrolments.add(e);
            statuses.add(new id.lindungdesa.domain.EnrolmentStatus(java.util.UUID.randomUUID(), e.id(),
                    EnrolmentState.ACTIVE, activeFrom, null, now, "test"));
        }
        s.database().writeVoid(tx -> {
            new id.lindungdesa.persistence.PersonRepository().insertAll(tx, people, now);
            new id.lindungdesa.persistence.PostRepository().insertAll(tx, posts, now);
            var er = new id.lindungdesa.persistence.EnrolmentRepository();
            er.insertAll(tx, enrolments, now);
            er.addStatuses(tx, statuses);
        });
    }
}

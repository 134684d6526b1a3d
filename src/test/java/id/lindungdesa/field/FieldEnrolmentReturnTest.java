package id.lindungdesa.field;

import static id.lindungdesa.field.FieldReturnMergeTest.OP;
import static id.lindungdesa.field.FieldReturnMergeTest.districtWords;
import static id.lindungdesa.field.FieldReturnMergeTest.enrolOfficer;
import static id.lindungdesa.field.FieldReturnMergeTest.enrolment;
import static id.lindungdesa.field.FieldReturnMergeTest.subject;
import static id.lindungdesa.field.FieldReturnMergeTest.withWage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.task.Progress;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 on real H2 files, enrolments made or changed in the field: a status step the officer adds (aktif →
 * nonaktif from a date) travels in the return and is merged three-way against the steps the package carried; an
 * enrolment the officer removes arrives as a tombstone, applied when the district left it alone since the package.
 */
class FieldEnrolmentReturnTest {
    static final LocalDate LAPSED_FROM = BundleKit.TODAY.minusDays(10);

    @TempDir
    Path dir;

    /** A district and an officer who opened the district's package of 36.04.01. */
    record Pair(Services kab, Services kec, FieldReturnMergeTest.Subject s) implements AutoCloseable {
        @Override
        public void close() {
            kec.close();
            kab.close();
        }
    }

    Pair opened() throws Exception {
        Services kab = BundleKit.district(dir, "36.04", 5);
        Services kec = FieldPackageExportTest.officer(dir, "kec", "36.04.01");
        String key = enrolOfficer(kab, kec, dir);
        kab.field().packages().export("36.04.01", key, dir.resolve("paket.ldf"), BundleKit.PASS, Progress.NONE);
        kec.field().visits().open(dir.resolve("paket.ldf"), districtWords(kab), false, OP);
        return new Pair(kab, kec, subject(kab, "36.04.01"));
    }

    static List<EnrolmentStatus> history(Services s, UUID enrolmentId) {
        return s.database().read(tx -> new EnrolmentRepository().history(tx, enrolmentId));
    }

    static boolean live(Services s, UUID enrolmentId) {
        return s.database().read(tx -> new EnrolmentRepository().find(tx, enrolmentId)).isPresent();
    }

    static boolean removed(Services s, UUID enrolmentId) {
        Boolean r = s.database().read(tx -> new id.lindungdesa.persistence.FieldVisitRepository()
                .removed(tx, "enrolment", enrolmentId));
        return r;
    }

    static String steps(Services s, UUID enrolmentId) {
        return history(s, enrolmentId).stream().map(h -> h.state() + " " + h.effectiveDate())
                .collect(Collectors.joining(", "));
    }

    @Test
    void aStatusStepMadeInTheFieldIsMergedAtTheDistrict() throws Exception {
        try (Pair p = opened()) {
            UUID e = p.s().enrolment().id();
            int before = history(p.kab(), e).size();
            assertThat(steps(p.kec(), e)).isEqualTo(steps(p.kab(), e)); // the package carried the whole history
            assertThat(p.kec().field().visits().pendingCounts().get("statusSteps")).isZero();

            p.kec().enrolments().changeStatus(e, EnrolmentState.LAPSED, LAPSED_FROM, "iuran belum dibayar");
            assertThat(p.kec().field().visits().pendingCounts().get("statusSteps")).isEqualTo(1);
            Path ret = dir.resolve("kembali.ldf");
            var w = p.kec().field().visits().writeReturn(ret, OP);
            assertThat(w.manifest().counts().get("statusSteps")).isEqualTo(1);
            assertThat(w.manifest().formatVersion()).isEqualTo(2);
            // The same edits give the same return.
            assertThat(p.kec().field().visits().writeReturn(dir.resolve("kembali-b.ldf"), OP).repeated()).isTrue();

            // Meanwhile the district changes the wage of the same enrolment: a field, not a status step.
            p.kab().enrolments().update(withWage(enrolment(p.kab(), e), 3_100_000));
            var r = p.kab().field().merges().merge(ret, false, BundleKit.PASS);
            assertThat(r.conflicts()).isEmpty();
            assertThat(r.applied()).isEqualTo(1);
            List<EnrolmentStatus> h = history(p.kab(), e);
            assertThat(h).hasSize(before + 1);
            assertThat(h.getLast().state()).isEqualTo(EnrolmentState.LAPSED);
            assertThat(h.getLast().effectiveDate()).isEqualTo(LAPSED_FROM);
            assertThat(h.getLast().note()).isEqualTo("iuran belum dibayar");
            assertThat(p.kab().enrolments().stateOn(e, BundleKit.TODAY)).contains(EnrolmentState.LAPSED);
            assertThat(enrolment(p.kab(), e).wageBase()).isEqualTo(3_100_000);
            assertThat(p.kab().audit().forPerson(p.s().person().id()).stream().map(a -> a.summary())
                    .collect(Collectors.joining("\n"))).contains("Status kepesertaan dari petugas")
                    .contains("kiriman balik #1");

            // After the receipt the step is delivered: the next return carries nothing.
            p.kec().field().visits().importReceipt(r.receipt());
            assertThat(p.kec().field().visits().pendingCounts().get("statusSteps")).isZero();
        }
    }

    @Test
    void differentStepsOnBothSidesAreAConflictSettledForTheOfficer() throws Exception {
        try (Pair p = opened()) {
            UUID e = p.s().enrolment().id();
            p.kec().enrolments().changeStatus(e, EnrolmentState.LAPSED, LAPSED_FROM, null);
            Path ret = dir.resolve("kembali.ldf");
            p.kec().field().visits().writeReturn(ret, OP);
            p.kab().enrolments().changeStatus(e, EnrolmentState.ENDED, BundleKit.TODAY.minusDays(5), null);
            String districtSteps = steps(p.kab(), e);

            var r = p.kab().field().merges().merge(ret, false, BundleKit.PASS);
            assertThat(r.applied()).isZero();
            assertThat(r.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.entity()).isEqualTo("enrolment");
                assertThat(c.recordId()).isEqualTo(e);
                assertThat(c.field()).isEqualTo("status");
                assertThat(c.district()).isEqualTo("ENDED " + BundleKit.TODAY.minusDays(5));
                assertThat(c.officer()).contains("LAPSED " + LAPSED_FROM);
                assertThat(c.base()).isNotNull();
            });
            assertThat(steps(p.kab(), e)).isEqualTo(districtSteps); // the district's history stays for now
            // A typed value cannot settle a status step.
            UUID id = r.conflicts().getFirst().id();
            assertThatThrownBy(() -> p.kab().field().merges().resolve(id, FieldMergeService.Take.VALUE, "ACTIVE"))
                    .isInstanceOf(BundleException.class);
            p.kab().field().merges().resolve(id, FieldMergeService.Take.OFFICER, null);
            assertThat(steps(p.kab(), e)).contains("LAPSED " + LAPSED_FROM).contains("ENDED " + BundleKit.TODAY.minusDays(5))
                    .hasSize(districtSteps.length() + (", LAPSED " + LAPSED_FROM).length());
            assertThat(p.kab().field().merges().openConflicts()).isEmpty();
        }
    }

    @Test
    void theSameStepOnBothSidesIsOneChange() throws Exception {
        try (Pair p = opened()) {
            UUID e = p.s().enrolment().id();
            p.kec().enrolments().changeStatus(e, EnrolmentState.LAPSED, LAPSED_FROM, null);
            Path ret = dir.resolve("kembali.ldf");
            p.kec().field().visits().writeReturn(ret, OP);
            p.kab().enrolments().changeStatus(e, EnrolmentState.LAPSED, LAPSED_FROM, "dari kantor cabang");
            String districtSteps = steps(p.kab(), e);
            var r = p.kab().field().merges().merge(ret, false, BundleKit.PASS);
            assertThat(r.conflicts()).isEmpty();
            assertThat(r.applied()).isZero();
            assertThat(r.unchanged()).isEqualTo(1);
            assertThat(steps(p.kab(), e)).isEqualTo(districtSteps);
        }
    }

    @Test
    void anEnrolmentRemovedInTheFieldIsAppliedWhenTheDistrictLeftItAlone() throws Exception {
        try (Pair p = opened()) {
            UUID e = p.s().enrolment().id();
            p.kec().enrolments().remove(e, enrolment(p.kec(), e).version(), "salah input");
            assertThat(p.kec().field().visits().pendingCounts().get("tombstones")).isEqualTo(1);
            Path ret = dir.resolve("kembali.ldf");
            var w = p.kec().field().visits().writeReturn(ret, OP);
            assertThat(w.manifest().counts().get("tombstones")).isEqualTo(1);

            var r = p.kab().field().merges().merge(ret, false, BundleKit.PASS);
            assertThat(r.conflicts()).isEmpty();
            assertThat(r.applied()).isEqualTo(1);
            assertThat(live(p.kab(), e)).isFalse();
            assertThat(removed(p.kab(), e)).isTrue();
            assertThat(p.kab().audit().forPerson(p.s().person().id()).stream().map(a -> a.action() + " "
                    + a.summary()).collect(Collectors.joining("\n"))).contains("DELETE Dihapus petugas");
        }
    }

    @Test
    void anEnrolmentRemovedInTheFieldAndEditedAtTheDistrictIsAConflict() throws Exception {
        try (Pair p = opened()) {
            UUID e = p.s().enrolment().id();
            p.kec().enrolments().remove(e, enrolment(p.kec(), e).version(), "salah input");
            Path ret = dir.resolve("kembali.ldf");
            p.kec().field().visits().writeReturn(ret, OP);
            p.kab().enrolments().update(withWage(enrolment(p.kab(), e), 3_100_000));

            var r = p.kab().field().merges().merge(ret, false, BundleKit.PASS);
            assertThat(r.applied()).isZero();
            assertThat(r.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.entity()).isEqualTo("enrolment");
                assertThat(c.field()).isEqualTo("_record");
                assertThat(c.officer()).isEqualTo("DIHAPUS");
            });
            assertThat(enrolment(p.kab(), e).wageBase()).isEqualTo(3_100_000); // still there, edit kept
            // Settled for the officer, it is removed now; the district's edit stays in the history.
            p.kab().field().merges().resolve(r.conflicts().getFirst().id(), FieldMergeService.Take.OFFICER, null);
            assertThat(live(p.kab(), e)).isFalse();
        }
    }

    /** Return #1: the officer corrects the wage; the district merges it and the officer imports the receipt. */
    void mergedWageCorrection(Pair p, UUID e) throws Exception {
        p.kec().enrolments().update(withWage(enrolment(p.kec(), e), 3_200_000));
        Path first = dir.resolve("kembali-1.ldf");
        p.kec().field().visits().writeReturn(first, OP);
        var r1 = p.kab().field().merges().merge(first, false, BundleKit.PASS);
        assertThat(r1.applied()).isEqualTo(1);
        assertThat(enrolment(p.kab(), e).wageBase()).isEqualTo(3_200_000);
        p.kec().field().visits().importReceipt(r1.receipt());
    }

    @Test
    void aRemovalAfterTheOfficersOwnMergedEditIsAppliedNotAConflict() throws Exception {
        try (Pair p = opened()) {
            UUID e = p.s().enrolment().id();
            mergedWageCorrection(p, e);

            // Return #2: the officer removes the same enrolment. The district's only change since the package is
            // the officer's own, so this is a tombstone to apply, not a conflict.
            p.kec().enrolments().remove(e, enrolment(p.kec(), e).version(), "salah input");
            Path second = dir.resolve("kembali-2.ldf");
            p.kec().field().visits().writeReturn(second, OP);
            var r2 = p.kab().field().merges().merge(second, false, BundleKit.PASS);
            assertThat(r2.conflicts()).isEmpty();
            assertThat(live(p.kab(), e)).isFalse();
        }
    }

    @Test
    void aRemovalAfterAMergedEditIsStillAConflictWhenTheDistrictEditedToo() throws Exception {
        try (Pair p = opened()) {
            UUID e = p.s().enrolment().id();
            mergedWageCorrection(p, e);
            // The district then edits the enrolment itself; the officer never saw that.
            var now = enrolment(p.kab(), e);
            p.kab().enrolments().update(new id.lindungdesa.domain.Enrolment(now.id(), now.version(), now.personId(),
                    now.postId(), "12345678901", now.segment(), now.programmes(), now.jkkRiskClass(), now.wageBase(),
                    now.fundingSource()));

            p.kec().enrolments().remove(e, enrolment(p.kec(), e).version(), "salah input");
            Path second = dir.resolve("kembali-2.ldf");
            p.kec().field().visits().writeReturn(second, OP);
            var r2 = p.kab().field().merges().merge(second, false, BundleKit.PASS);
            assertThat(r2.conflicts()).singleElement().satisfies(c -> assertThat(c.field()).isEqualTo("_record"));
            assertThat(live(p.kab(), e)).isTrue();
        }
    }
}

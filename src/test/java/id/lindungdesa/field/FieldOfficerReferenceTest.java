package id.lindungdesa.field;

import static id.lindungdesa.field.FieldReturnMergeTest.OP;
import static id.lindungdesa.field.FieldReturnMergeTest.districtWords;
import static id.lindungdesa.field.FieldReturnMergeTest.enrolOfficer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.ContributionRate;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.i18n.LocalizedException;
import id.lindungdesa.task.Progress;
import id.lindungdesa.wiring.Services;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15.3 on real H2 files: the agreements in force and the dated rates the package carries are on the officer's
 * desk, read-only; the services refuse to change them there, with the officer's database unchanged.
 */
class FieldOfficerReferenceTest {
    @TempDir
    Path dir;

    static List<String> rates(Services s) {
        return s.enrolments().rates().stream().sorted(Comparator.comparing(ContributionRate::id))
                .map(ContributionRate::toString).toList();
    }

    @Test
    void agreementsAndRatesAreOnTheOfficersDeskReadOnly() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services kec = FieldPackageExportTest.officer(dir, "kec", "36.04.01")) {
            String key = enrolOfficer(kab, kec, dir);
            var pkg = kab.field().packages().export("36.04.01", key, dir.resolve("p.ldf"), BundleKit.PASS,
                    Progress.NONE);
            List<AgreementInForce> inForce = kab.agreements().inForce(BundleKit.TODAY);
            assertThat(inForce).isNotEmpty();
            assertThat(pkg.manifest().counts().get("agreements")).isEqualTo(inForce.size());
            kec.field().visits().open(dir.resolve("p.ldf"), districtWords(kab), false, OP);

            // The same agreements, in force on the same day, with the same terms; the same dated rates.
            List<AgreementInForce> atOfficer = kec.agreements().inForce(BundleKit.TODAY);
            assertThat(atOfficer).extracting(x -> x.agreement().number())
                    .containsExactlyInAnyOrderElementsOf(inForce.stream().map(x -> x.agreement().number()).toList());
            assertThat(atOfficer.getFirst().terms()).isEqualTo(inForce.stream().filter(x -> x.agreement().id()
                    .equals(atOfficer.getFirst().agreement().id())).findFirst().orElseThrow().terms());
            assertThat(rates(kec)).isEqualTo(rates(kab));

            // Read-only: every change is refused with a message that says why and what to do.
            assertThat(kec.agreements().editable()).isFalse();
            String before = BundleKit.dump(kec);
            var a = atOfficer.getFirst().agreement();
            assertThatThrownBy(() -> kec.agreements().update(a)).isInstanceOf(LocalizedException.class)
                    .hasMessageContaining("hanya untuk dibaca").hasMessageContaining("paket baru");
            assertThatThrownBy(() -> kec.agreements().remove(a.id(), a.version(), "coba"))
                    .isInstanceOf(LocalizedException.class).hasMessageContaining("hanya untuk dibaca");
            assertThatThrownBy(() -> kec.enrolments().addRate(new ContributionRate(UUID.randomUUID(), Segment.PU,
                    Programme.JKM, null, BundleKit.TODAY, new BigDecimal("0.40"), null, null, null, "coba")))
                    .isInstanceOf(LocalizedException.class).hasMessageContaining("hanya untuk dibaca");
            assertThat(BundleKit.dump(kec)).isEqualTo(before);
            // The district still changes its own.
            assertThat(kab.agreements().editable()).isTrue();
        }
    }
}

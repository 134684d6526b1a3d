package id.lindungdesa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 7: attachments are documents. Only PDF, JPEG and PNG, recognised by content, at most 20 MB; the
 * stored name has no path, no "..", no control or override characters. A refusal changes nothing.
 */
class AttachmentChecksTest {
    static final LocalDate TODAY = LocalDate.of(2024, 1, 10);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    @TempDir
    Path dir;
    Services s;
    Agreement a;

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, "kab", TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        a = s.agreements().create(AgreementServiceTest.pks("445/1/2023", LocalDate.of(2023, 3, 14),
                LocalDate.of(2025, 12, 14), AgreementServiceTest.KADES), null);
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    @Test
    void onlyPdfJpegAndPngByContentAndAtMost20Mb() throws Exception {
        long audit = s.audit().count();
        Path exe = Files.write(dir.resolve("pks.pdf"), new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0});
        assertThatThrownBy(() -> s.agreements().attach(a.id(), new AgreementService.AttachmentFile(exe, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().getFirst().key())
                        .isEqualTo("agreement.error.attachmentType"))
                .hasMessageContaining("pks.pdf bukan PDF, JPEG atau PNG (isi berkas yang diperiksa, bukan namanya)");
        Path html = Files.writeString(dir.resolve("scan.png"), "<html><script>alert(1)</script></html>");
        assertThatThrownBy(() -> s.agreements().attach(a.id(), new AgreementService.AttachmentFile(html, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("bukan PDF, JPEG atau PNG");
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);
        Path huge = Files.write(dir.resolve("besar.pdf"), big);
        assertThatThrownBy(() -> s.agreements().attach(a.id(), new AgreementService.AttachmentFile(huge, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("besar.pdf lebih besar dari 20 MB");
        // the CLI says the same and exits 1
        s.close();
        CliRun cli = CliRun.of("--db", dir.resolve("kab").toString(), "agreements", "attach", "445/1/2023",
                exe.toString());
        assertThat(cli.exit).as(cli.toString()).isEqualTo(1);
        assertThat(cli.err).contains("bukan PDF, JPEG atau PNG");
        s = TestDb.open(dir, "kab", TODAY);
        assertThat(s.agreements().find(a.id()).orElseThrow().attachment()).as("nothing attached").isNull();
        assertThat(s.audit().count()).isEqualTo(audit);

        Path jpeg = Files.write(dir.resolve("foto"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
        Agreement withJpeg = s.agreements().attach(a.id(), new AgreementService.AttachmentFile(jpeg, null));
        assertThat(withJpeg.attachment().mediaType()).isEqualTo("image/jpeg");
        assertThat(withJpeg.attachment().fileName()).isEqualTo("foto.jpg");
    }

    @Test
    void storedNamesAreSanitised() throws Exception {
        Path scan = Files.write(dir.resolve("..\\..\\Windows\\PKS\u202Efdp.exe\u200B"), PNG);
        Agreement after = s.agreements().attach(a.id(), new AgreementService.AttachmentFile(scan, null));
        assertThat(after.attachment().fileName()).isEqualTo("PKSfdp.exe.png");
        assertThat(after.attachment().mediaType()).isEqualTo("image/png");
        Path out = s.agreements().exportAttachment(a.id(), dir.resolve("view"));
        assertThat(out.getParent().getParent()).isEqualTo(dir.resolve("view"));
        assertThat(out.getFileName().toString()).isEqualTo("PKSfdp.exe.png");

        Path dots = Files.write(dir.resolve("...PKS..2023..."), PNG);
        assertThat(s.agreements().attach(a.id(), new AgreementService.AttachmentFile(dots, null)).attachment()
                .fileName()).isEqualTo("PKS.2023.png");
        assertThat(Attachments.storedName("../../etc/passwd", "application/pdf")).isEqualTo("passwd.pdf");
        assertThat(Attachments.storedName("..", null)).isEqualTo("dokumen");
        assertThat(Attachments.storedName("C:\\Users\\budi\\PKS:1?.pdf", "application/pdf")).isEqualTo("PKS_1_.pdf");
    }
}

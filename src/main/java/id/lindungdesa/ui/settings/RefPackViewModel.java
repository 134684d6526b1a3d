package id.lindungdesa.ui.settings;

import id.lindungdesa.bundle.FingerprintWords;
import id.lindungdesa.bundle.RefPackService;
import id.lindungdesa.i18n.Messages;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings → "Paket data acuan provinsi" (issue 18), without JavaFX nodes: a district checks and applies a pack
 * (the province key's words compared on the first one), a province signs the next pack. Every method except the
 * static ones runs on a worker thread.
 */
public final class RefPackViewModel {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private final RefPackService packs;
    private final boolean province;

    public RefPackViewModel(RefPackService packs, boolean province) {
        this.packs = packs;
        this.province = province;
    }

    public boolean province() {
        return province;
    }

    /** What the part shows: the pack in force (or none) and, below it, lines to heed. */
    public record State(String status, List<String> lines) {
    }

    public State load() {
        var f = packs.inForce();
        String status = f.map(x -> Messages.tr("refpack.cli.status", String.valueOf(x.number()), x.expiredSince()))
                .orElse(Messages.tr("refpack.cli.none"));
        List<String> lines = new ArrayList<>();
        f.filter(RefPackService.InForce::expired).filter(x -> !province)
                .ifPresent(x -> lines.add(Messages.tr("refpack.expired", x.expiredSince())));
        if (!province) {
            for (var k : packs.keptRegions()) lines.add(Messages.tr("refpack.cli.kept", k.code()));
        }
        return new State(status, List.copyOf(lines));
    }

    /** Reads and checks a pack; nothing is applied. Refusals come as {@code BundleException}s. */
    public RefPackService.Checked check(Path file) {
        return packs.check(file);
    }

    /** What the clerk is asked before applying: on a first pack, the words to compare by phone. */
    public static String question(RefPackService.Checked c) {
        return c.firstImport()
                ? Messages.tr("refpack.ui.firstPack", String.valueOf(c.number()), c.province(),
                        FingerprintWords.grouped(c.fingerprint()))
                : Messages.tr("refpack.ui.nextPack", String.valueOf(c.number()), c.province());
    }

    /**
     * Applies a checked pack. On a first pack the clerk compared the words shown by {@link #question} with the
     * province's and pressed "Sama, lanjutkan": those words are what is confirmed.
     */
    public RefPackService.Applied apply(Path file, RefPackService.Checked c) {
        return packs.importPack(file, c.firstImport() ? c.fingerprint() : null, false);
    }

    /** The result in one paragraph: pack number, targets, rates, regions, kept villages. */
    public static String summary(RefPackService.Applied a) {
        StringBuilder b = new StringBuilder();
        if (a.pinned()) b.append(Messages.tr("refpack.cli.pinned", a.pinnedKeyId())).append('\n');
        b.append(Messages.tr("refpack.cli.applied", String.valueOf(a.number()), String.valueOf(a.targets()),
                String.valueOf(a.revoked().size()), a.expiresOn().format(DMY)));
        b.append('\n').append(Messages.tr("refpack.cli.rates", String.valueOf(a.rates().added()),
                String.valueOf(a.rates().changed()), String.valueOf(a.rates().unchanged()),
                String.valueOf(a.wageBases().added()), String.valueOf(a.wageBases().changed()),
                String.valueOf(a.wageBases().unchanged())));
        b.append('\n').append(Messages.tr("refpack.cli.regions", String.valueOf(a.regions().added()),
                String.valueOf(a.regions().renamed()), String.valueOf(a.regions().retired()),
                String.valueOf(a.regions().restored())));
        for (String k : a.regions().kept()) b.append('\n').append(Messages.tr("refpack.cli.kept", k));
        if (a.successorKeyId() != null) {
            b.append('\n').append(Messages.tr("refpack.cli.successorTrusted", a.successorKeyId()));
        }
        return b.toString();
    }

    /** The validity typed by the clerk ("90" or "90d"), as days; a bad value throws a clear message. */
    public static int days(String typed) {
        return RefPackService.days(typed == null || typed.isBlank() ? "90" : typed);
    }

    /** Province: signs and writes the next pack. */
    public RefPackService.Exported export(Path out, char[] passphrase, int days) {
        return packs.export(out, passphrase, days + "d");
    }

    public static String exported(RefPackService.Exported e) {
        return Messages.tr("refpack.cli.written", String.valueOf(e.number()), e.expiresOn().format(DMY), e.file())
                + "\n" + Messages.tr("refpack.cli.content", String.valueOf(e.targets()),
                String.valueOf(e.revocations()))
                + "\n" + Messages.tr("refpack.cli.contentMore", String.valueOf(e.rates()),
                String.valueOf(e.wageBases()), String.valueOf(e.regionChanges()));
    }
}

package id.lindungdesa.cli;

import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options several commands share, as picocli mixins ({@code @Mixin Options.Json json;}). */
final class Options {
    private Options() {}

    /** {@code --json}: print one JSON object instead of text. */
    static final class Json {
        @Option(names = "--json", descriptionKey = "cli.option.json",
                description = "Cetak satu objek JSON / print one JSON object")
        boolean json;

        boolean on() {
            return json;
        }
    }

    /** {@code --on DATE}: the date the command looks at (default: today on the services' clock). */
    static final class OnDate {
        @Option(names = "--on", paramLabel = "YYYY-MM-DD", converter = Converters.Date.class,
                descriptionKey = "cli.option.on",
                description = "Pada tanggal (YYYY-MM-DD atau DD-MM-YYYY) / on date (default today)")
        LocalDate on;

        LocalDate orToday(Services s) {
            return on != null ? on : LocalDate.now(s.clock());
        }
    }

    /** {@code --db PATH}: the database file (default: the user's data folder). */
    static final class Database {
        @Option(names = "--db", paramLabel = "PATH", descriptionKey = "cli.option.db",
                description = "Berkas basis data / database file (default: the user's data folder)")
        Path db;
    }

    /** {@code --within CODE}: restrict to a region (a checked region code). */
    static final class Within {
        @Option(names = "--within", paramLabel = "CODE", converter = Converters.RegionCode.class,
                descriptionKey = "cli.option.within",
                description = "Batasi ke wilayah / restrict to a region (default: the office's region)")
        String within;
    }
}

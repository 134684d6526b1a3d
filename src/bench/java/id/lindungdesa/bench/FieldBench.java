package id.lindungdesa.bench;

import id.lindungdesa.bundle.Passphrases;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.FieldVisitRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.task.Progress;
import id.lindungdesa.wiring.Services;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa bench field [--people N] [--json]} (issue 15): a province-scale synthetic district (60,000
 * people by default, kecamatan of 900), its largest kecamatan sent to an officer and back. Times, as people per
 * second of the kecamatan, the package export, the officer's open, the return (after edits to a tenth of the
 * people) and the district's merge (after district edits to a twentieth, so half of those clash), next to the
 * district bundle export of the whole district measured in the same run. Each timed step includes its key unlocks
 * (PBKDF2), as the real command does; the unlock alone is timed too. Prints figures; asserts nothing.
 */
@Command(name = "field", description = "Paket lapangan, buka, kiriman balik, gabung (orang/detik) di samping ekspor "
        + "bundel kabupaten / field package, open, return, merge (people/s) next to the district bundle export")
final class FieldBench implements Callable<Integer> {
    static final String DISTRICT = "61.01";

    @Spec
    CommandSpec spec;

    @Option(names = "--people", defaultValue = "60000", description = "Orang di kabupaten / people in the district")
    int people;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder kerja / work folder (default: a temp folder)")
    Path dir;

    @Option(names = "--json", description = "Cetak hasil sebagai JSON / print the figures as JSON")
    boolean json;

    /** One timed step. */
    record Step(String name, long people, long millis) {
        long perSecond() {
            return millis == 0 ? people : people * 1000 / millis;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("lindungdesa-bench-field");
        char[] pass = Passphrases.fromEnvironment().filter(p -> p.length >= Passphrases.MIN_LENGTH)
                .orElseGet("bench-passphrase"::toCharArray);
        Clock clock = Clock.systemDefaultZone();
        List<Step> steps = new ArrayList<>();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("district_people", people);
        if (!json) {
            out.printf("bench field — %s, %d cores, max heap %d MB, folder %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, work);
            out.flush();
        }
        try (Services kab = new Services(Database.open(work.resolve("kab"), Database.Options.of("bench")), clock);
             Services kec = new Services(Database.open(work.resolve("kec"), Database.Options.of("bench")), clock)) {
            kab.office().init(OfficeLevel.DISTRICT, DISTRICT, "DPMD Kabupaten Sambas (bench)", "Bench");
            BundleBench.seedDistrict(kab, DISTRICT, people);
            if (kab.bundles().keys().activeKey().isEmpty()) kab.bundles().keys().init(pass);
            // The largest kecamatan (the synthetic district fills kecamatan of 900 people in order: the first).
            String kecamatan = kab.database().read(tx -> {
                Map<String, Integer> n = new java.util.TreeMap<>();
                for (var p : new id.lindungdesa.persistence.PostRepository().listWithin(tx, DISTRICT)) {
                    n.merge(p.villageCode().substring(0, 8), 1, Integer::sum);
                }
                return n.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                        .orElseThrow().getKey();
            });
            kec.office().init(OfficeLevel.SUBDISTRICT, kecamatan, "Kecamatan " + kecamatan + " (bench)", "Petugas");
            if (kec.bundles().keys().activeKey().isEmpty()) kec.bundles().keys().init(pass);
            PublicKeyFile officerKey = kec.bundles().keys().exportPublic(work.resolve("petugas.pub.json"));
            kab.bundles().trust().add(work.resolve("petugas.pub.json"), officerKey.fingerprint());

            long t = System.nanoTime();
            kab.bundles().keys().signers(pass);
            long unlockMs = (System.nanoTime() - t) / 1_000_000;
            r.put("key_unlock_ms", unlockMs);

            // Baseline: the district bundle export of the same data, in this run.
            Path bundle = work.resolve("kab.ldb");
            t = System.nanoTime();
            var b = kab.bundles().export().export(bundle, pass, null, Progress.NONE);
            steps.add(new Step("district bundle export", b.manifest().counts().get("people"),
                    (System.nanoTime() - t) / 1_000_000));

            Path pkg = work.resolve("paket.ldf");
            t = System.nanoTime();
            var issued = kab.field().packages().export(kecamatan, officerKey.keyId(), pkg, pass, Progress.NONE);
            long kecPeople = issued.manifest().counts().get("people");
            steps.add(new Step("field package export", kecPeople, (System.nanoTime() - t) / 1_000_000));

            t = System.nanoTime();
            kec.field().visits().open(pkg, null, true, pass);
            steps.add(new Step("field open (officer)", kecPeople, (System.nanoTime() - t) / 1_000_000));

            // Officer edits: a new phone for every 10th person and a corrected birth date for every 10th.
            List<Person> local = kec.database().read(tx -> new FieldVisitRepository().allPeople(tx));
            int edited = 0;
            for (int i = 0; i < local.size(); i += 10) {
                Person p = local.get(i);
                kec.roster().updatePerson(new Person(p.id(), p.version(), p.nik(), p.fullName(), p.sex(),
                        p.birthDate().plusDays(1), p.birthPlace(), p.nkk(), String.format("0812%08d", i),
                        p.employmentStatus(), p.homeVillageCode()));
                edited++;
            }
            Path ret = work.resolve("kembali.ldf");
            t = System.nanoTime();
            var w = kec.field().visits().writeReturn(ret, pass);
            steps.add(new Step("field return (officer)", kecPeople, (System.nanoTime() - t) / 1_000_000));

            // District edits meanwhile: every 20th of those birth dates differently (a conflict each), and wages.
            int districtEdited = 0;
            for (int i = 0; i < local.size(); i += 20) {
                int at = i;
                Person d = kab.database().read(tx -> new PersonRepository().find(tx, local.get(at).id()))
                        .orElseThrow();
                kab.roster().updatePerson(new Person(d.id(), d.version(), d.nik(), d.fullName(), d.sex(),
                        d.birthDate().minusDays(2), d.birthPlace(), d.nkk(), d.phone(), d.employmentStatus(),
                        d.homeVillageCode()));
                for (Enrolment e : kab.database().read(tx -> new EnrolmentRepository().byPerson(tx, d.id()))) {
                    kab.enrolments().update(new Enrolment(e.id(), e.version(), e.personId(), e.postId(), e.kpj(),
                            e.segment(), e.programmes(), e.jkkRiskClass(), e.wageBase() + 100_000,
                            e.fundingSource()));
                }
                districtEdited++;
            }

            t = System.nanoTime();
            var dry = kab.field().merges().merge(ret, true, pass);
            steps.add(new Step("field merge dry run (district)", kecPeople, (System.nanoTime() - t) / 1_000_000));
            t = System.nanoTime();
            var m = kab.field().merges().merge(ret, false, pass, work.resolve("kembali.ldf.receipt.json"));
            steps.add(new Step("field merge (district)", kecPeople, (System.nanoTime() - t) / 1_000_000));

            r.put("kecamatan", kecamatan);
            r.put("kecamatan_people", kecPeople);
            r.put("package_bytes", Files.size(pkg));
            r.put("return_bytes", Files.size(ret));
            r.put("officer_edited_people", edited);
            r.put("district_edited_people", districtEdited);
            r.put("return_changed", w.manifest().counts().get("changed"));
            r.put("merge_applied", m.applied());
            r.put("merge_unchanged", m.unchanged());
            r.put("merge_conflicts", m.conflicts().size());
            r.put("dry_run_conflicts", dry.conflicts().size());
            List<Map<String, Object>> st = new ArrayList<>();
            for (Step s : steps) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("step", s.name());
                x.put("people", s.people());
                x.put("ms", s.millis());
                x.put("people_per_s", s.perSecond());
                st.add(x);
            }
            r.put("steps", st);
        }
        if (json) {
            out.println(id.lindungdesa.service.Json.write(r));
        } else {
            out.printf("district %s: %d people; largest kecamatan %s: %s people; key unlock %s ms%n", DISTRICT,
                    people, r.get("kecamatan"), r.get("kecamatan_people"), r.get("key_unlock_ms"));
            for (Step s : steps) {
                out.printf("%-32s %7d people %8d ms %9d people/s%n", s.name(), s.people(), s.millis(),
                        s.perSecond());
            }
            out.printf("package %s bytes, return %s bytes (%s records changed by the officer, %s people edited at "
                    + "the district); merge: %s applied, %s unchanged, %s conflicts%n", r.get("package_bytes"),
                    r.get("return_bytes"), r.get("return_changed"), r.get("district_edited_people"),
                    r.get("merge_applied"), r.get("merge_unchanged"), r.get("merge_conflicts"));
        }
        out.flush();
        return 0;
    }
}

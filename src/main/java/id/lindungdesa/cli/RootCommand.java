package id.lindungdesa.cli;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.AppPaths;
import id.lindungdesa.wiring.Services;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa [--db PATH] [COMMAND]}: with no command the desktop opens; with one it runs as a CLI over the
 * same services.
 */
@Command(name = "lindungdesa", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = {"LindungDesa: perlindungan jaminan sosial aparat desa / social security for village officials.",
            "Tanpa perintah: membuka aplikasi desktop. / Without a command: opens the desktop."},
        subcommands = {
            StatsCommand.class,
            OfficeCommand.class,
            RegionsCommand.class,
            DemoCommand.class,
            AuditCommand.class,
            BenchCommand.class,
            AgreementsCommand.class,
            AlertsCommand.class,
            ReportCommand.class,
            RosterImportCommand.class,
            KeysCommand.class,
            TrustCommand.class,
            BundleCommand.class,
            RefPackCommand.class,
            FieldCommand.class,
            BackupCommand.class,
            SecurityCommand.class,
            UsersCommand.class,
            CopyToCommand.class,
            CommandLine.HelpCommand.class
        })
public final class RootCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    Options.Database database;

    String lang;

    /** {@code --lang}: applied as soon as it is parsed, so every later message (and refusal) is in that language. */
    @Option(names = "--lang", paramLabel = "id|en", descriptionKey = "cli.option.lang",
            description = "Bahasa / language (default id)")
    void setLang(String value) {
        this.lang = value;
        applyLanguage();
        if (spec != null) spec.commandLine().setResourceBundle(Messages.current().bundle());
    }

    /** {@code --user LOGIN} (issue 17): who runs this command once the office's login is on. */
    @Option(names = "--user", paramLabel = "LOGIN", descriptionKey = "cli.option.user",
            description = "Masuk sebagai / run as this user (password from LINDUNGDESA_USER_PASSWORD or a prompt)")
    String user;

    /** Where environment variables are read (tests replace it). */
    private java.util.function.UnaryOperator<String> environment = System::getenv;

    public void setEnvironment(java.util.function.UnaryOperator<String> environment) {
        this.environment = environment;
    }

    String env(String name) {
        return environment.apply(name);
    }

    private final BiFunction<Path, String, Integer> desktop;
    private Services services;
    /** Opens services; replaceable so that features can wrap opening (e.g. asking for a passphrase). */
    private BiFunction<Path, String, Services> opener = Services::open;

    /** @param desktop starts the desktop on a database path (null: default) and language; returns an exit code */
    public RootCommand(BiFunction<Path, String, Integer> desktop) {
        this.desktop = desktop;
    }

    public void setOpener(BiFunction<Path, String, Services> opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() {
        return desktop.apply(database.db, lang);
    }

    public Path databasePath() {
        return database.db != null ? database.db : AppPaths.defaultDatabase();
    }

    /** The services over the chosen database, opened on first use for this command. */
    public Services services() {
        if (services == null) {
            applyLanguage();
            services = opener.apply(databasePath(), "cli");
            UsersCommand.signIn(this, services, spec.commandLine().getErr()); // issue 17: the CLI runs as a user
        }
        return services;
    }

    public void applyLanguage() {
        if (lang != null) Messages.setCurrent(lang.startsWith("en") ? Messages.ENGLISH : Messages.INDONESIAN);
    }

    public void closeServices() {
        if (services != null) {
            services.close();
            services = null;
        }
    }

    /** The text of a message key in the chosen language. */
    static String t(String key, Object... args) {
        return Messages.tr(key, args);
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The root of any command's spec. */
    public static RootCommand of(CommandSpec spec) {
        CommandSpec s = spec;
        while (s.parent() != null) s = s.parent();
        return (RootCommand) s.userObject();
    }

    /** Version from the jar manifest. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RootCommand.class.getPackage().getImplementationVersion();
            return new String[] {"LindungDesa " + (v == null ? "dev" : v)};
        }
    }
}

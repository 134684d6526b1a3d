package id.lindungdesa.cli;

import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.User;
import id.lindungdesa.i18n.LocalizedException;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.Json;
import id.lindungdesa.wiring.Services;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa users add|list|passwd|disable|enable} (issue 17). New passwords come from
 * {@code LINDUNGDESA_NEW_PASSWORD} or are typed twice on the terminal.
 */
@Command(name = "users", description = "Pengguna kantor / the office's users",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Passwd.class,
            UsersCommand.Disable.class, UsersCommand.Enable.class})
final class UsersCommand {
    static final String NEW_PASSWORD_ENV = "LINDUNGDESA_NEW_PASSWORD";
    static final String USER_PASSWORD_ENV = "LINDUNGDESA_USER_PASSWORD";

    private UsersCommand() {}

    /**
     * Signs in the user named by {@code --user} (password from LINDUNGDESA_USER_PASSWORD or the terminal); without
     * {@code --user} an office whose login is on is refused (exit 1), since every command then runs as someone.
     */
    static void signIn(RootCommand root, Services s, PrintWriter err) {
        var users = s.users();
        String login = root.user;
        if (login == null) {
            if (users.loginOn()) throw new LocalizedException("cli.users.needUser");
            return;
        }
        User u = users.find(login).orElse(null);
        char[] pw = null;
        String env = root.env(USER_PASSWORD_ENV);
        if (env != null && !env.isEmpty()) {
            pw = env.toCharArray();
        } else if (u != null && (u.hasPassword() || users.loginOn())) {
            Console c = CliPassphrases.terminal();
            if (c != null) pw = c.readPassword("%s ", Messages.tr("cli.users.passwordFor", login));
            if (pw == null) throw new LocalizedException("cli.users.noPassword", login, USER_PASSWORD_ENV);
        }
        try {
            User in = users.signIn(login, pw == null ? new char[0] : pw);
            if (in.mustChange()) err.println(Messages.tr("cli.users.mustChange", in.login()));
        } finally {
            if (pw != null) Arrays.fill(pw, '\0');
        }
    }

    /** A new password: LINDUNGDESA_NEW_PASSWORD, else typed twice on the terminal. */
    static char[] newPassword(RootCommand root, PrintWriter err) {
        String env = root.env(NEW_PASSWORD_ENV);
        if (env != null) return env.toCharArray();
        Console c = CliPassphrases.terminal();
        if (c == null) throw new LocalizedException("cli.users.noNewPassword", NEW_PASSWORD_ENV);
        char[] a = c.readPassword("%s ", Messages.tr("cli.users.newPassword"));
        char[] b = c.readPassword("%s ", Messages.tr("cli.pass.repeat"));
        if (a == null || !Arrays.equals(a, b)) {
            err.println(Messages.tr("cli.pass.differ"));
            throw new LocalizedException("cli.users.noNewPassword", NEW_PASSWORD_ENV);
        }
        return a;
    }

    static String roleNames(Set<Role> roles) {
        return String.join(",", roles.stream().sorted().map(Role::code).toList());
    }

    @Command(name = "add", description = "Tambah pengguna / add a user")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LOGIN")
        String login;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "viewer|clerk|head|admin[,…]")
        String roles;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            Set<Role> r;
            try {
                r = Role.parseList(roles);
            } catch (IllegalArgumentException e) {
                throw new LocalizedException("cli.users.badRole", roles);
            }
            var users = root.services().users();
            char[] pw = newPassword(root, spec.commandLine().getErr());
            try {
                User u = users.add(login, name, r, pw);
                root.out().println(RootCommand.t("cli.users.added", u.login(), u.name(), roleNames(u.roles())));
            } finally {
                Arrays.fill(pw, '\0');
            }
            return 0;
        }
    }

    @Command(name = "list", description = "Daftar pengguna / list the users")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Options.Json json;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            List<User> all = root.services().users().list();
            if (json.on()) {
                List<Map<String, Object>> out = all.stream().map(u -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("login", u.login());
                    m.put("name", u.name());
                    m.put("roles", u.roles().stream().sorted().map(Role::code).toList());
                    m.put("active", u.active());
                    m.put("hasPassword", u.hasPassword());
                    m.put("mustChange", u.mustChange());
                    m.put("createdAt", u.createdAt().toString());
                    return m;
                }).toList();
                root.out().println(Json.write(out));
                return 0;
            }
            if (all.isEmpty()) root.out().println(RootCommand.t("cli.none"));
            for (User u : all) {
                root.out().println(u.login() + "  " + u.name() + "  " + roleNames(u.roles()) + "  "
                        + RootCommand.t(u.active() ? "cli.users.active" : "cli.users.disabled")
                        + (u.hasPassword() ? "" : "  " + RootCommand.t("cli.users.noPasswordYet")));
            }
            return 0;
        }
    }

    @Command(name = "passwd", description = "Ganti kata sandi / set a password")
    static final class Passwd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LOGIN")
        String login;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var users = root.services().users();
            boolean own = users.session().user().map(u -> u.login().equals(login)).orElse(false);
            char[] pw = newPassword(root, spec.commandLine().getErr());
            try {
                users.setPassword(login, pw);
            } finally {
                Arrays.fill(pw, '\0');
            }
            root.out().println(RootCommand.t(own ? "cli.users.passwordSet" : "cli.users.passwordReset", login));
            return 0;
        }
    }

    @Command(name = "disable", description = "Nonaktifkan pengguna / disable a user")
    static final class Disable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LOGIN")
        String login;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            root.services().users().disable(login);
            root.out().println(RootCommand.t("cli.users.disabledNow", login));
            return 0;
        }
    }

    @Command(name = "enable", description = "Aktifkan lagi pengguna / enable a user again")
    static final class Enable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "LOGIN")
        String login;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            root.services().users().enable(login);
            root.out().println(RootCommand.t("cli.users.enabledNow", login));
            return 0;
        }
    }
}

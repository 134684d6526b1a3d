package id.lindungdesa.cli;

import id.lindungdesa.persistence.AuditRepository;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "audit", description = "Jejak audit / audit trail", subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

    @Command(name = "verify", description = "Periksa rantai hash / verify the hash chain")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            List<AuditRepository.Break> breaks = root.services().audit().verify();
            long n = root.services().audit().count();
            if (breaks.isEmpty()) {
                root.out().println(RootCommand.t("cli.audit.intact", n));
                return 0;
            }
            for (var b : breaks) root.out().println(RootCommand.t("cli.audit.break", b.seq(), b.reason()));
            root.out().println(RootCommand.t("cli.audit.broken", breaks.size(), n));
            return Cli.REFUSED;
        }
    }
}

package id.lindungdesa.cli;

import java.util.List;

/**
 * Benchmarks, generators and crash harnesses live in their own jar ({@code lib/lindungdesa-bench.jar}, built from
 * {@code src/bench/java}; decision 0082), never in the program's main jar. That jar registers one implementation of
 * this interface ({@code META-INF/services}); {@code lindungdesa bench} adds its commands as subcommands.
 */
public interface BenchSuite {
    /** picocli command objects (each annotated with {@code @Command(name = …)}). */
    List<Object> commands();
}

package id.lindungdesa.task;

/** Work to run in the background; it may report progress and must stop when cancelled. */
@FunctionalInterface
public interface Job<T> {
    T run(Progress progress) throws Exception;
}

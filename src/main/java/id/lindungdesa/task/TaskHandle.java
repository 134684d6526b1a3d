package id.lindungdesa.task;

/** A submitted task: can be cancelled (the job sees it at its next {@link Progress#checkCancelled()}). */
public interface TaskHandle {
    void cancel();

    boolean isDone();
}

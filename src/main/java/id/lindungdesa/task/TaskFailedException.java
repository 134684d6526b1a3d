package id.lindungdesa.task;

/** A background task failed and nobody handled it; the message is the cause's, so a CLI prints what went wrong. */
public final class TaskFailedException extends RuntimeException {
    private final String taskTitle;

    public TaskFailedException(String taskTitle, Throwable cause) {
        super(TaskFailures.message(cause), cause);
        this.taskTitle = taskTitle;
    }

    public String taskTitle() {
        return taskTitle;
    }
}

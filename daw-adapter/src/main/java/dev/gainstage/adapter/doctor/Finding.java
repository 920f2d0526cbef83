package dev.gainstage.adapter.doctor;

/**
 * One line of the doctor's report: what was found about one part of the set-up and, when something is
 * to be done, the fix in plain words.
 */
public record Finding(Status status, String subject, String text, String fix) {
    public enum Status {
        /** Works. */
        OK,
        /** Worth knowing; nothing to do. */
        NOTE,
        /** Stands between the user and a working set-up; {@link #fix} says what to do. */
        TODO
    }

    public static Finding ok(String subject, String text) {
        return new Finding(Status.OK, subject, text, "");
    }

    public static Finding note(String subject, String text) {
        return new Finding(Status.NOTE, subject, text, "");
    }

    public static Finding todo(String subject, String text, String fix) {
        return new Finding(Status.TODO, subject, text, fix);
    }
}

package dev.gainstage.adapter.doctor;

import java.util.List;

/** The JDK the doctor itself runs on, which is the one the launcher picked for every command. */
final class JdkCheck implements DoctorCheck {
    static final int NEEDED = 21;

    @Override
    public List<Finding> run() {
        Runtime.Version v = Runtime.version();
        String where = System.getProperty("java.vendor", "") + " " + v + " at " + System.getProperty("java.home");
        if (v.feature() < NEEDED) {
            return List.of(Finding.todo(
                    "JDK",
                    "JDK " + where + " is older than " + NEEDED,
                    "install a JDK " + NEEDED + " or newer and point JAVA_HOME at it"));
        }
        return List.of(Finding.ok("JDK", "JDK " + where.strip()));
    }
}

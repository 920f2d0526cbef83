package dev.gainstage.adapter.doctor;

import java.util.List;

/** One part of the set-up the doctor looks at. Never throws: what goes wrong is a finding. */
interface DoctorCheck {
    List<Finding> run();
}

package dev.revcycle.claims.forms;

import java.util.List;

/** A paper form: its title lines and its boxes, the service-line boxes repeated {@link #linesPerPage()} times. */
interface FormLayout {
    String title();

    String subtitle();

    /** Every box but the service lines'. */
    List<Box> boxes();

    /** The boxes of service line {@code row} (0-based) on a page. */
    List<Box> lineBoxes(int row);

    int linesPerPage();
}

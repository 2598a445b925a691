package dev.revcycle.sandbox.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * The few implementation-guide rules the sandbox checks beyond the base syntax, each reported in the 999 as
 * IK3 error code 7 (segment not in proper sequence) or 3 (required segment missing):
 * every N4 directly follows an N3 and every N3 is directly followed by an N4 (true of every 837 address loop);
 * every CLM has an HI and at least one LX.
 */
final class StructureCheck {

    private StructureCheck() {
    }

    static List<ClaimAcknowledger.Issue> check(RawInterchange raw) {
        List<ClaimAcknowledger.Issue> issues = new ArrayList<>();
        List<String[]> segments = raw.segments();
        for (RawInterchange.RawTransaction t : raw.transactions()) {
            int end = Math.min(t.sePosition(), segments.size());
            int clm = 0;
            boolean hi = false;
            boolean lx = false;
            for (int position = t.stPosition(); position <= end; position++) {
                String id = segments.get(position - 1)[0];
                String previous = segments.get(position - 2)[0];
                String next = position < segments.size() ? segments.get(position)[0] : "";
                if (id.equals("N4") && !previous.equals("N3")) {
                    issues.add(new ClaimAcknowledger.Issue(position, "N4", "7", 0, null));
                } else if (id.equals("N3") && !next.equals("N4")) {
                    issues.add(new ClaimAcknowledger.Issue(position, "N3", "7", 0, null));
                }
                if (id.equals("CLM") || id.equals("HL") || id.equals("SE")) {
                    if (clm > 0 && (!hi || !lx)) {
                        issues.add(new ClaimAcknowledger.Issue(clm, "CLM", "3", 0, null));
                    }
                    clm = id.equals("CLM") ? position : 0;
                    hi = false;
                    lx = false;
                }
                hi |= id.equals("HI") && clm > 0;
                lx |= id.equals("LX") && clm > 0;
            }
        }
        return issues;
    }
}

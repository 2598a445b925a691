/**
 * Reading and writing ASC X12 5010 interchanges, over StAEDI.
 *
 * <p>{@link dev.revcycle.x12.X12Reader} turns any interchange into an {@link dev.revcycle.x12.Interchange}:
 * envelope fields plus the segments of each transaction, in order. {@link dev.revcycle.x12.X12Writer} builds
 * ISA/GS/ST … SE/GE/IEA around the body segments a caller provides, with counts and control numbers that agree.
 *
 * <p>Element values are often PHI (names, member ids, dates of birth), so nothing in this package puts an
 * element value in an exception message or a {@code toString()}: problems name the segment id and its
 * position, never its content.
 */
package dev.revcycle.x12;

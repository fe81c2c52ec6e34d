package charms.reactive.juju;

/**
 * A status as {@code status-get --include-data} reports it.
 *
 * @param status the word, such as {@code active} or {@code unknown}
 * @param message the message, empty if none
 */
public record StatusInfo(String status, String message) {
}

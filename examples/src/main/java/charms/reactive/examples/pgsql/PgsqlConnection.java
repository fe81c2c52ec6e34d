package charms.reactive.examples.pgsql;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a pgsql provider gives a client application: where the database is and how to log in.
 *
 * @param host the database's address
 * @param port its port
 * @param database the database created for the client
 * @param user the role the client logs in as
 * @param password that role's password
 */
public record PgsqlConnection(String host, int port, String database, String user, String password) {

  public PgsqlConnection {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /**
   * The details without the password, as the value of {@code <endpoint>.database.available}:
   * flag values are kept in the unit state, and a secret has no business there.
   */
  public ObjectNode withoutPassword() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("host", host);
    node.put("port", port);
    node.put("database", database);
    node.put("user", user);
    return node;
  }

  @Override
  public String toString() {
    return "PgsqlConnection[" + user + "@" + host + ":" + port + "/" + database + "]";
  }
}

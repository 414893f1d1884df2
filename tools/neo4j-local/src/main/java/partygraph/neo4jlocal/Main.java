package partygraph.neo4jlocal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in this process with Bolt on 127.0.0.1 only, for partygraph's
 * development and CI. Usage: Main HOME PORT PASSWORD_FILE. Writes HOME/ready when Bolt answers
 * and shuts the database down cleanly on SIGTERM.
 */
public final class Main {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip();
        Path ready = home.resolve("ready");
        Files.deleteIfExists(ready);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.gibiBytes(1))
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve("import"))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (Exception ignored) {
                // the ready file is advisory
            }
            dbms.shutdown();
            stopped.countDown();
        }));
        try {
            setPassword(dbms, password);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);   // runs the shutdown hook; Neo4j's own threads would keep the JVM alive
        }
        Files.writeString(ready, "neo4j://127.0.0.1:" + port + "\n", StandardCharsets.UTF_8);
        System.out.println("neo4j-local: Bolt on neo4j://127.0.0.1:" + port);
        stopped.await();
    }

    /** Sets the neo4j user's password; on a restart it is usually set already, which Neo4j refuses to repeat. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        }
    }
}

package io.multiregion.data;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import io.multiregion.config.Engine;
import io.multiregion.regions.AwsRegion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credentials: password, replica ARN, secret content. */
class CredentialsLogicTest {

    @RepeatedTest(20)
    @DisplayName("a password has 32 characters RDS accepts, with upper, lower and digit")
    void password() {
        String password = MasterPassword.generate(new SecureRandom());
        assertEquals(32, password.length());
        for (char c : password.toCharArray()) {
            assertTrue(c > 32 && c < 127, "printable ASCII: " + (int) c);
            assertFalse("/\"@ '\\`".indexOf(c) >= 0, "RDS refuses / \" @ and space; ' \\ ` are left out: " + c);
        }
        assertTrue(password.chars().anyMatch(Character::isUpperCase));
        assertTrue(password.chars().anyMatch(Character::isLowerCase));
        assertTrue(password.chars().anyMatch(Character::isDigit));
    }

    @Test
    @DisplayName("two draws differ")
    void fresh() {
        SecureRandom random = new SecureRandom();
        assertNotEquals(MasterPassword.generate(random), MasterPassword.generate(random));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:multiregion/primary/database/master-a1B2c3, eu-central-1, "
                    + "arn:aws:secretsmanager:eu-central-1:123456789012:secret:multiregion/primary/database/master-a1B2c3",
            "arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db-Xy9Z0a, cn-northwest-1, "
                    + "arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:db-Xy9Z0a",
            "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:a:b-Qq1Ww2, us-gov-east-1, "
                    + "arn:aws-us-gov:secretsmanager:us-gov-east-1:123456789012:secret:a:b-Qq1Ww2"})
    @DisplayName("a replica's ARN is the primary's with the replica's region; partition, account, name and suffix kept")
    void replicaArn(String primary, String region, String expected) {
        assertEquals(expected, DatabaseCredentials.replicaArn(primary, new AwsRegion(region)));
    }

    @Test
    void notAnArn() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseCredentials.replicaArn("secret-name", new AwsRegion("eu-west-1")));
    }

    @Test
    @DisplayName("the secret holds the connection document AWS's rotation functions read: engine, host, port, user, password, dbname")
    void secretString() {
        String host = "multiregion-primary-global.global-abc123.global.rds.amazonaws.com";
        for (Engine engine : Engine.values()) {
            DatabaseCredentials.Args args = new DatabaseCredentials.Args("multiregion", "primary", new AwsRegion("eu-west-1"),
                    Output.of("k1"), new AwsRegion("eu-central-1"), Output.of("k2"), engine, Output.of(host), 5433,
                    "appadmin", "app", 30, true);
            JsonObject json = JsonParser.parseString(DatabaseCredentials.secretString(args, host, "p\"w{}")).getAsJsonObject();
            assertEquals(java.util.Set.of("engine", "host", "port", "username", "password", "dbname"), json.keySet());
            assertEquals("appadmin", json.get("username").getAsString());
            assertEquals("p\"w{}", json.get("password").getAsString());
            // Secrets Manager User Guide, "JSON structure of AWS Secrets Manager secrets": the rotation templates check
            // engine == postgres (Aurora PostgreSQL) or mysql (Aurora MySQL)
            assertEquals(engine == Engine.AURORA_POSTGRESQL ? "postgres" : "mysql", json.get("engine").getAsString());
            assertEquals(host, json.get("host").getAsString(), "the global writer endpoint, valid in both regions");
            assertEquals(5433, json.get("port").getAsInt());
            assertEquals("app", json.get("dbname").getAsString());
            assertEquals("p\"w{}", DatabaseCredentials.passwordOf(json.toString()), "the stored password reads back");
        }
    }

    @Test
    @DisplayName("the secret's name has project and stack and only characters Secrets Manager accepts")
    void secretName() {
        assertEquals("multiregion/primary/database/master", DatabaseCredentials.secretName("multiregion", "primary"));
    }
}

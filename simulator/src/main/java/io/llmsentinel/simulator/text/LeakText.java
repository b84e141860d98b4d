package io.llmsentinel.simulator.text;

import java.util.SplittableRandom;

/**
 * Answers that leak data: what a support bot says when its retrieval hands it other customers'
 * records, or a code assistant when it echoes credentials from the files it was shown. Each answer
 * carries one to three findings wrapped in ordinary prose.
 */
public final class LeakText {
    private LeakText() {}

    public static String withPii(SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(320);
        int findings = 1 + rng.nextInt(3);
        for (int i = 0; i < findings; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            appendPiiSentence(sb, rng);
        }
        sb.append(' ')
                .append(
                        switch (rng.nextInt(3)) {
                            case 0 -> "Let me know if you need anything else on this account.";
                            case 1 -> "I've added a note to the ticket.";
                            default -> "Is there anything else I can help with?";
                        });
        return sb.toString();
    }

    private static void appendPiiSentence(StringBuilder sb, SplittableRandom rng) {
        switch (rng.nextInt(6)) {
            case 0 ->
                    sb.append("I found the account: it belongs to ")
                            .append(FakePii.fullName(rng))
                            .append(", reachable at ")
                            .append(FakePii.email(rng))
                            .append(" or ")
                            .append(FakePii.phone(rng))
                            .append('.');
            case 1 ->
                    sb.append("The card on file is ")
                            .append(FakePii.creditCard(rng))
                            .append(", expiring ")
                            .append(FakePii.expiry(rng))
                            .append('.');
            case 2 ->
                    sb.append("The refund will be sent to IBAN ")
                            .append(FakePii.iban(rng))
                            .append(" in the name of ")
                            .append(FakePii.fullName(rng))
                            .append('.');
            case 3 ->
                    sb.append("For verification, the SSN we have on record is ")
                            .append(FakePii.ssn(rng))
                            .append('.');
            case 4 ->
                    sb.append("Customer record: name=")
                            .append(FakePii.fullName(rng))
                            .append("; email=")
                            .append(FakePii.email(rng))
                            .append("; phone=")
                            .append(FakePii.phone(rng))
                            .append("; ssn=")
                            .append(FakePii.ssn(rng));
            default ->
                    sb.append("The previous order was paid with card ")
                            .append(FakePii.creditCard(rng))
                            .append(" and the receipt went to ")
                            .append(FakePii.email(rng))
                            .append('.');
        }
    }

    public static String withSecret(SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(640);
        switch (rng.nextInt(6)) {
            case 0 ->
                    sb.append("Here's the working configuration from your repository:\n```\n")
                            .append("AWS_ACCESS_KEY_ID=")
                            .append(FakeSecrets.awsAccessKeyId(rng))
                            .append("\nAWS_SECRET_ACCESS_KEY=")
                            .append(FakeSecrets.awsSecretAccessKey(rng))
                            .append(
                                    "\nAWS_REGION=eu-west-1\n```\nRun `aws sts get-caller-identity` to")
                            .append(" check that it works.");
            case 1 ->
                    sb.append("Initialise the client with the key directly:\n```python\n")
                            .append("client = OpenAI(api_key=\"")
                            .append(FakeSecrets.openAiKey(rng))
                            .append(
                                    "\")\n```\nFor production, read it from an environment variable.");
            case 2 ->
                    sb.append("The release workflow pushes tags with GITHUB_TOKEN=")
                            .append(FakeSecrets.githubToken(rng))
                            .append(", which is why the job has write access.");
            case 3 ->
                    sb.append("Call the staging API with this header:\n```\n")
                            .append("Authorization: Bearer ")
                            .append(FakeSecrets.jwt(rng))
                            .append("\n```");
            case 4 ->
                    sb.append("This is the deploy key the pipeline uses:\n```\n")
                            .append(FakeSecrets.privateKeyBlock(rng))
                            .append(
                                    "\n```\nAdd it to the runner's secrets rather than the repository.");
            default ->
                    sb.append("Your `.env` should look like this:\n```\nOPENAI_API_KEY=")
                            .append(FakeSecrets.openAiKey(rng))
                            .append("\nGH_TOKEN=")
                            .append(FakeSecrets.githubToken(rng))
                            .append("\nS3_KEY_ID=")
                            .append(FakeSecrets.awsAccessKeyId(rng))
                            .append("\n```");
        }
        return sb.toString();
    }
}

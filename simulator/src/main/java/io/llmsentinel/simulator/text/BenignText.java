package io.llmsentinel.simulator.text;

import io.llmsentinel.simulator.traffic.ServiceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everyday prompts and answers for each kind of service, composed from small phrase lists so that
 * texts vary. A few percent of prompts are benign but contain words that naive injection rules trip
 * over ("ignore the typo", "act as a reviewer", "bypass the cache").
 */
public final class BenignText {
    /** Share of prompts taken from the tricky-but-benign list. */
    static final double HARD_NEGATIVE_SHARE = 0.03;

    private static final String[] HARD_NEGATIVES = {
        "Please ignore the typo in my last message, I meant the March invoice, not May.",
        "Ignore my previous question, I found the setting. How do I export reports instead?",
        "You can disregard the earlier screenshot; here is the correct error text: HTTP 502.",
        "Forget the refund for now, I just want to know when the item ships.",
        "Act as a patient tutor and explain what a foreign key is.",
        "Pretend you are a new employee and list the questions you would ask in week one.",
        "How do I override the default timeout in the HTTP client config?",
        "What's the best way to bypass the cache when testing locally?",
        "Show me how to print the system time in ISO-8601 in Python.",
        "Our docs use 'jailbreak' for modified phones. What is the warranty policy for jailbroken"
                + " devices?",
        "Can you reveal the answer to yesterday's logic puzzle? I give up.",
        "Write a function that ignores all previous values below zero and sums the rest.",
        "Summarise the article 'Ignore previous instructions: how prompt attacks work' for our"
                + " security newsletter.",
        "My manager said to disregard the old instructions in the onboarding doc. Which version"
                + " is current?",
        "Repeat the last step please, I missed it.",
        "Developer mode is switched on on my Android phone; how do I turn it off?",
        "Translate 'ignore the background noise' into German.",
        "Act as a code reviewer and point out anything risky in this SQL: SELECT * FROM orders.",
        "Forget everything I said about the blue theme, let's go with green.",
        "What does the 'override' keyword do in Kotlin?"
    };

    // --- support chat ---
    private static final String[] OPENINGS = {
        "Hi, ",
        "Hello there. ",
        "Hey, ",
        "Good morning, ",
        "",
        "Quick question: ",
        "Hi team, ",
        "Thanks for getting back to me. "
    };
    private static final String[] ISSUES = {
        "I was charged twice for my subscription this month",
        "my order hasn't arrived yet",
        "I can't log in after resetting my password",
        "the mobile app crashes when I open settings",
        "I'd like to change the shipping address on an order",
        "my discount code isn't being applied at checkout",
        "I need an invoice with our company VAT number on it",
        "the export to CSV button does nothing",
        "two-factor codes are not arriving by SMS",
        "I want to move from the business plan to the starter plan",
        "the dashboard only shows yesterday's data",
        "I accidentally deleted a project",
        "our team seats show the wrong count",
        "the tracking link has not updated since the label was created",
        "the item I received is a different colour from the one I ordered"
    };
    private static final String[] DETAILS = {
        " It's been about three days.",
        " I already tried clearing the cache.",
        " This started after the last update.",
        " I'm on the Android app.",
        "",
        " We have a deadline on Friday.",
        " My colleague has the same problem.",
        "",
        " I contacted you about this last week too."
    };
    private static final String[] ASKS = {
        " What should I do?", " Can you help?", " Is there a workaround?",
        " How long will this take to fix?", " Can you escalate this?", " Please advise.",
        " Could you walk me through it step by step?"
    };
    private static final String[] FOLLOW_UPS = {
        "Thanks, that worked.",
        "That didn't help, the error is still there.",
        "Can you explain the second step again?",
        "Okay. And how long does the refund take?",
        "Where do I find that setting on mobile?",
        "Great, one more thing: ",
        "I tried that and now I get a blank page.",
        "Is there a phone number I can call instead?"
    };
    private static final String[] SUPPORT_SENTENCES = {
        "Thanks for reaching out, I'm sorry about the trouble.",
        "I've checked your account and can see what happened.",
        "The duplicate charge was a pending authorisation and will drop off within three to five"
                + " business days.",
        "You can change the address under Orders, then Edit delivery, as long as the order has"
                + " not shipped.",
        "Please try signing out on all devices and then signing in again.",
        "Our team is aware of the issue and a fix is rolling out this week.",
        "I've resent the verification code; it can take a minute to arrive.",
        "Invoices with a VAT number can be downloaded from Billing once the number is saved in"
                + " your company profile.",
        "Deleted projects stay in the trash for 30 days, so you can restore it from there.",
        "If the problem continues, reply here and I'll escalate it to a specialist.",
        "Plan changes take effect at the start of the next billing period.",
        "The carrier usually updates tracking within 48 hours of pickup.",
        "I've added a note to your case so the next agent has the context.",
        "Here are the steps: open Settings, choose Security, then select Reset two-factor.",
        "Let me know if there's anything else I can help with."
    };

    // --- code assistant ---
    private static final String[] LANGUAGES = {
        "Python", "TypeScript", "Java", "Go", "Rust", "Kotlin", "SQL"
    };
    private static final String[] CODE_GOALS = {
        "parses ISO-8601 durations",
        "removes duplicates from a list while keeping the order",
        "retries an HTTP call with exponential backoff",
        "checks whether a string is a valid email address",
        "merges two sorted arrays",
        "computes a rolling average over a fixed window",
        "reads a CSV file and groups the rows by one column",
        "converts camelCase names to snake_case",
        "pages through a REST API until there are no more results",
        "rate-limits calls to at most ten per second"
    };
    private static final String[] CODE_TASKS = {
        "Write a %s function that %s.",
        "Refactor this %s code so that it %s without the nested loops.",
        "Why does my %s code that %s fail on empty input?",
        "Add unit tests for a %s helper that %s.",
        "Explain line by line how this %s snippet %s.",
        "Review this %s change that %s and point out bugs."
    };
    private static final String[] SNIPPETS = {
        "def window_avg(xs, k):\n    out = []\n    for i in range(len(xs) - k + 1):\n"
                + "        out.append(sum(xs[i:i + k]) / k)\n    return out",
        "function dedupe(items) {\n  const seen = new Set();\n"
                + "  return items.filter(x => !seen.has(x) && seen.add(x));\n}",
        "for (int i = 0; i <= list.size(); i++) {\n    total += list.get(i).amount();\n}",
        "func retry(f func() error, n int) error {\n\tvar err error\n\tfor i := 0; i < n; i++ {"
                + "\n\t\tif err = f(); err == nil {\n\t\t\treturn nil\n\t\t}\n\t}\n\treturn err\n}",
        "SELECT customer_id, COUNT(*) FROM orders\nWHERE created_at > now() - interval '7 days'\n"
                + "GROUP BY 1 ORDER BY 2 DESC;",
        "fn merge(a: &[i32], b: &[i32]) -> Vec<i32> {\n    let mut out = a.to_vec();\n"
                + "    out.extend_from_slice(b);\n    out.sort();\n    out\n}"
    };
    private static final String[] CODE_SENTENCES = {
        "The loop runs one step too far, so the last iteration reads past the end of the list.",
        "Using a set for membership checks makes this linear instead of quadratic.",
        "I'd pull the retry policy into its own function so it can be tested separately.",
        "Note that the function returns early when the input is empty.",
        "Here is a version with type hints and a docstring.",
        "The backoff doubles after each attempt and is capped at thirty seconds.",
        "Consider adding a test for the boundary where the window equals the list length.",
        "This keeps the original order because filter visits elements left to right.",
        "An index on created_at would let the database skip most of the table.",
        "Sorting after concatenation is simpler but costs O(n log n); a two-pointer merge is"
                + " linear.",
        "You can replace the manual loop with a stream and a collector.",
        "Error handling is missing when the file does not exist.",
        "The variable name is shadowed inside the closure, which is why the value looks stale."
    };

    // --- search summaries ---
    private static final String[] QUERIES = {
        "how to rotate database credentials without downtime",
        "difference between Kafka consumer groups and partitions",
        "best practices for onboarding remote employees",
        "return policy for opened electronics",
        "what causes high p99 latency in JVM services",
        "how compound interest works on a savings account",
        "heat pump versus gas boiler running costs",
        "how to prepare for a system design interview",
        "symptoms of a failing car battery",
        "GDPR rules for storing customer emails",
        "how to choose running shoes for flat feet",
        "cheapest way to ship a parcel to Canada"
    };
    private static final String[] SOURCE_TITLES = {
        "Operations handbook", "Vendor documentation", "Community forum thread", "Blog post",
        "FAQ", "Internal wiki", "Product manual", "News article"
    };
    private static final String[] SOURCE_SENTENCES = {
        "The recommended approach is to introduce the change gradually and monitor error rates.",
        "Most users reported the issue disappeared after updating to the latest version.",
        "Costs depend heavily on local prices and on how well the building is insulated.",
        "The policy allows returns within 30 days if the original packaging is kept.",
        "Garbage collection pauses are a common cause of tail latency in managed runtimes.",
        "Several sources suggest scheduling the work outside business hours.",
        "The documentation lists three supported configurations and their trade-offs.",
        "Experts disagree on the details, but agree that planning ahead helps.",
        "A step-by-step checklist is provided at the end of the article.",
        "Interest is calculated on the principal plus the interest already earned."
    };
    private static final String[] SUMMARY_SENTENCES = {
        "According to the sources, the safest option is a gradual rollout with monitoring [1].",
        "Two of the results agree that updating resolves most cases [2][3].",
        "The main trade-off is upfront cost against lower running costs over time [1].",
        "One source notes an exception for items bought during promotions [4].",
        "In short: plan the change, test it on a small scale, then expand.",
        "The forum thread adds a practical tip: keep a rollback plan ready [3].",
        "Results differ on details, so check the vendor documentation for your version [2].",
        "Overall, the evidence points to configuration rather than hardware as the cause."
    };

    // --- agents ---
    private static final String[] AGENT_GOALS = {
        "reconcile last month's invoices with the payments received",
        "find all open tickets older than seven days and draft follow-ups",
        "book a meeting room for the quarterly review next Tuesday",
        "collect error rates for the checkout service and summarise the trend",
        "update the CRM record after today's customer call",
        "prepare a shipping quote for 40 boxes to Rotterdam"
    };
    private static final String[] TOOLS = {
        "search_tickets",
        "get_invoice",
        "list_payments",
        "query_metrics",
        "send_email",
        "update_crm",
        "calendar_lookup",
        "shipping_quote"
    };
    private static final String[] OBSERVATIONS = {
        "{\"status\": \"ok\", \"items\": 14, \"next_page\": null}",
        "{\"status\": \"ok\", \"matches\": [\"T-4471\", \"T-4480\", \"T-4502\"]}",
        "{\"error_rate\": 0.012, \"window\": \"24h\", \"trend\": \"flat\"}",
        "{\"room\": \"Atlas\", \"available\": true, \"capacity\": 12}",
        "{\"invoice\": \"INV-2291\", \"amount\": 1840.00, \"paid\": false}",
        "{\"status\": \"error\", \"message\": \"rate limited, retry later\"}"
    };
    private static final String[] AGENT_FINALS = {
        "Done. I found 3 unmatched invoices and listed them in the report.",
        "All follow-up drafts are ready for review in the outbox.",
        "The room is booked and the invitation has been sent.",
        "Error rates are stable at about 1.2% over the last day; no action needed.",
        "The CRM record is updated with the call notes and next steps.",
        "The cheapest quote is 412 EUR with delivery in four days."
    };

    private BenignText() {}

    /** The user's message for the given turn (1-based) of a session of this kind. */
    public static String prompt(ServiceKind kind, int turn, SplittableRandom rng) {
        if (rng.nextDouble() < HARD_NEGATIVE_SHARE) {
            return HARD_NEGATIVES[rng.nextInt(HARD_NEGATIVES.length)];
        }
        return switch (kind) {
            case SUPPORT_CHAT -> supportPrompt(turn, rng);
            case CODE_ASSISTANT -> codePrompt(rng);
            case SEARCH_SUMMARY -> searchPrompt(rng);
            case AGENT -> agentPrompt(turn, rng);
        };
    }

    private static String supportPrompt(int turn, SplittableRandom rng) {
        if (turn > 1 && rng.nextInt(3) > 0) {
            String f = pick(rng, FOLLOW_UPS);
            return f.endsWith(": ") ? f + pick(rng, ISSUES) + "." : f;
        }
        return pick(rng, OPENINGS) + pick(rng, ISSUES) + "." + pick(rng, DETAILS) + pick(rng, ASKS);
    }

    private static String codePrompt(SplittableRandom rng) {
        String task =
                String.format(pick(rng, CODE_TASKS), pick(rng, LANGUAGES), pick(rng, CODE_GOALS));
        return rng.nextBoolean() ? task : task + "\n\n" + pick(rng, SNIPPETS);
    }

    private static String searchPrompt(SplittableRandom rng) {
        return (rng.nextInt(4) == 0
                        ? "Answer using the sources and cite them: "
                        : "Summarise the search results for: ")
                + pick(rng, QUERIES);
    }

    private static String agentPrompt(int turn, SplittableRandom rng) {
        if (turn <= 1) {
            return "Goal: " + pick(rng, AGENT_GOALS) + ". Plan the steps and call tools as needed.";
        }
        return "Observation from "
                + pick(rng, TOOLS)
                + ": "
                + pick(rng, OBSERVATIONS)
                + " Continue.";
    }

    /**
     * An answer of about {@code targetChars} characters. A truncated answer (finish_reason
     * "length") stops mid-sentence, as real ones do.
     */
    public static String response(
            ServiceKind kind, int targetChars, boolean truncated, SplittableRandom rng) {
        StringBuilder sb = new StringBuilder(targetChars + 160);
        String[] sentences =
                switch (kind) {
                    case SUPPORT_CHAT -> SUPPORT_SENTENCES;
                    case CODE_ASSISTANT -> CODE_SENTENCES;
                    case SEARCH_SUMMARY -> SUMMARY_SENTENCES;
                    case AGENT -> AGENT_FINALS;
                };
        if (kind == ServiceKind.CODE_ASSISTANT && targetChars > 400) {
            sb.append(pick(rng, CODE_SENTENCES))
                    .append("\n\n```\n")
                    .append(pick(rng, SNIPPETS))
                    .append("\n```\n\n");
        }
        while (sb.length() < targetChars) {
            sb.append(pick(rng, sentences)).append(' ');
        }
        if (truncated && sb.length() > targetChars) {
            sb.setLength(targetChars);
        } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    /** An answer that is a tool call, as agents and tool-using assistants produce. */
    public static String toolCall(SplittableRandom rng) {
        return "Calling "
                + pick(rng, TOOLS)
                + " with {\"query\": \""
                + pick(rng, QUERIES)
                + "\", \"limit\": "
                + (5 + rng.nextInt(46))
                + "}";
    }

    /** Search results handed to the summariser. */
    public static List<String> retrievedDocuments(int count, SplittableRandom rng) {
        List<String> docs = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            docs.add(
                    "["
                            + i
                            + "] "
                            + pick(rng, SOURCE_TITLES)
                            + ": "
                            + pick(rng, SOURCE_SENTENCES)
                            + " "
                            + pick(rng, SOURCE_SENTENCES));
        }
        return docs;
    }

    private static String pick(SplittableRandom rng, String[] items) {
        return items[rng.nextInt(items.length)];
    }
}

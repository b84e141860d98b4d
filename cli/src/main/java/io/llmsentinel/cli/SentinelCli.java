package io.llmsentinel.cli;

import io.llmsentinel.jobs.JobLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sentinel} command. */
@Command(
        name = "sentinel",
        mixinStandardHelpOptions = true,
        version = "LLM-Sentinel 0.1.0",
        description = "Real-time monitoring of LLM applications with Apache Flink.",
        subcommands = {
            LocalCommand.class,
            ReplayCommand.class,
            SimulateCommand.class,
            DriftStatsCommand.class,
            EvalSecurityCommand.class,
            JobLauncher.class,
            CommandLine.HelpCommand.class
        })
public final class SentinelCli implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SentinelCli());
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    if (e instanceof IllegalArgumentException) {
                        commandLine.getErr().println("sentinel: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

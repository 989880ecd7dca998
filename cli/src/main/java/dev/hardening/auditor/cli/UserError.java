package dev.hardening.auditor.cli;

/** A problem the user can fix; printed as one line, never with a stack trace (unless --debug). */
final class UserError extends RuntimeException {
    private final int exitCode;

    UserError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static UserError usage(String message) {
        return new UserError(message, ExitCodes.USAGE);
    }

    static UserError cannotRun(String message) {
        return new UserError(message, ExitCodes.COULD_NOT_RUN);
    }

    int exitCode() {
        return exitCode;
    }
}

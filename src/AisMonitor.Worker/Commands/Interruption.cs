using System.Runtime.InteropServices;

namespace AisMonitor.Worker.Commands;

/// <summary>
/// Ctrl-C and SIGTERM as a request to stop cleanly: the command finishes what it holds (the alerts
/// so far, the summary, AisMonitor's own PostgreSQL stopped) instead of being killed mid-write.
/// A second Ctrl-C ends the process at once.
/// </summary>
internal static class Interruption
{
    private static volatile bool s_requested;
    private static PosixSignalRegistration? s_terminate;

    /// <summary>True once Ctrl-C or SIGTERM has been received.</summary>
    public static bool Requested => s_requested;

    /// <summary>Starts listening (once per process).</summary>
    public static void Listen()
    {
        if (s_terminate is not null)
        {
            return;
        }

        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = !s_requested; // the first asks to stop; the second kills
            Request("Ctrl-C");
        };
        s_terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            Request("SIGTERM");
        });
    }

    private static void Request(string what)
    {
        if (!s_requested)
        {
            s_requested = true;
            Console.Error.WriteLine($"{what}: stopping after the current batch; the alerts so far and the summary will be written (again to stop at once)");
        }
    }
}

using System.Diagnostics.Metrics;
using LowCodeErp.Workflows.Runtime.Stores;

namespace LowCodeErp.Benchmarks;

/// <summary>
/// The group-commit writer's batches while it is open, from the runtime's meter: how many saves share a transaction and
/// how long the writer's transactions took per save. Diagnostics for the notes; the runtime is not changed by it.
/// </summary>
internal sealed class WriterStats : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private long _batches;
    private long _saves;
    private double _milliseconds;

    public WriterStats()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GroupCommitWriter.MeterName && instrument.Name is "erp.workflows.save_batch.size" or "erp.workflows.save_batch.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, saves, _, _) =>
        {
            lock (_gate)
            {
                _batches++;
                _saves += saves;
            }
        });
        _listener.SetMeasurementEventCallback<double>((_, ms, _, _) =>
        {
            lock (_gate)
            {
                _milliseconds += ms;
            }
        });
        _listener.Start();
    }

    /// <summary>"batches of 12.3 saves on average, writer transactions 45.6 µs per save (wall)".</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return _batches == 0
                ? "no writer batches"
                : $"writer: {Format.Number(_batches)} transactions of {(double)_saves / _batches:0.0} saves on average, " +
                  $"{Format.Decimal(_milliseconds * 1000 / Math.Max(1, _saves))} µs of transaction (wall) per save";
        }
    }

    public void Dispose() => _listener.Dispose();
}

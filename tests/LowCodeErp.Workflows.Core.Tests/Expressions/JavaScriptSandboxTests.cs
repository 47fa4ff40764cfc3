using FluentAssertions;
using LowCodeErp.Workflows.Core.Expressions.JavaScript;
using static LowCodeErp.Workflows.Core.Tests.Expressions.JavaScriptTestEvaluator;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace LowCodeErp.Workflows.Core.Tests.Expressions;

/// <summary>Sandbox limits: time, statements, cancellation, recursion, memory and no CLR access.</summary>
public sealed class JavaScriptSandboxTests
{
    [Fact]
    public async Task Endless_loop_times_out_within_the_time_limit()
    {
        var context = await ScriptFixture.CaptureAsync();
        var options = new JavaScriptOptions { TimeLimit = TimeSpan.FromMilliseconds(200), MaxStatements = 0 };
        var stopwatch = Stopwatch.StartNew();

        var act = () => Evaluate(context, "while (true) {}", options);

        act.Should().Throw<JavaScriptEvaluationException>()
            .Where(e => e.Kind == JavaScriptErrorKind.Timeout)
            .WithMessage("JavaScript timed out after 200 ms in activity 'Probe1' (Probe).*");
        // The Timeout kind and message prove the 200 ms limit fired (only Jint's TimeoutInterval constraint raises it); the
        // wall clock only shows the loop was stopped rather than left running, with room for a loaded 2-core CI machine.
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Endless_loop_hits_the_statement_limit()
    {
        var context = await ScriptFixture.CaptureAsync();
        var options = new JavaScriptOptions { MaxStatements = 10_000, TimeLimit = TimeSpan.FromSeconds(60) };

        var act = () => Evaluate(context, "for (;;) {}", options);

        act.Should().Throw<JavaScriptEvaluationException>()
            .Where(e => e.Kind == JavaScriptErrorKind.StatementLimit)
            .WithMessage("JavaScript exceeded the limit of 10,000 statements in activity 'Probe1' (Probe)*");
    }

    [Fact]
    public async Task Cancelling_the_workflow_aborts_a_running_script()
    {
        var context = await ScriptFixture.CaptureAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        context.WorkflowContext.CancellationToken = cancellation.Token;

        var act = () => Evaluate(context, "while (true) {}", new JavaScriptOptions { TimeLimit = TimeSpan.FromSeconds(30), MaxStatements = 0 });

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public async Task Recursion_is_limited()
    {
        var context = await ScriptFixture.CaptureAsync();

        var act = () => Evaluate(context, "function f(n) { return f(n + 1); } f(0)", new JavaScriptOptions { RecursionLimit = 50 });

        act.Should().Throw<JavaScriptEvaluationException>()
            .Where(e => e.Kind == JavaScriptErrorKind.RecursionLimit)
            .WithMessage("*recursion limit of 50*");
    }

    [Fact]
    public async Task Memory_is_limited()
    {
        var context = await ScriptFixture.CaptureAsync();

        var options = new JavaScriptOptions { MemoryLimit = 4L * 1024 * 1024, MaxStatements = 0, TimeLimit = TimeSpan.FromSeconds(30) };

        var act = () => Evaluate(context, "const a = []; while (true) { a.push(new Array(10000).fill(a.length)); }", options);

        act.Should().Throw<JavaScriptEvaluationException>().Where(e => e.Kind == JavaScriptErrorKind.MemoryLimit);
    }

    [Fact]
    public async Task Scripts_cannot_reach_the_clr()
    {
        var context = await ScriptFixture.CaptureAsync(variables: [ScriptFixture.Variable("Order", "Object", """{"a":1}""")]);

        Evaluate(context, "[typeof System, typeof importNamespace, typeof clrHelper, typeof require, typeof getOrder().GetType].join()")
            .Should().Be("undefined,undefined,undefined,undefined,undefined");
        Evaluate(context, "typeof getAmount === 'undefined' && getOrder().constructor === Object").Should().Be(true);
        Evaluate(context, "Function('return typeof System')()").Should().Be("undefined");
    }
}

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>main</name>
    <message>
        <source>The pattern to open: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart rows: worker, core or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tab to show: output, python or summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window&apos;s language for this start: system, en (English) or ko (Korean).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasklane: concurrency patterns as Gantt charts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Chrome/Perfetto JSON trace to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--language must be one of system|en|ko, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at most one trace file, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--group-by must be one of worker|core|both, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown pattern &apos;%1&apos; (choose one of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs --pattern (e.g. --pattern thread-pool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 does not apply to pattern %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tab must be one of output|python|summary, got &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::ChartExporter</name>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no chart format in &apos;%1&apos; (use .png, .svg or .pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported chart format &apos;.%1&apos; (use .png, .svg or .pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::ChartPane</name>
    <message>
        <source>Task %1 highlighted; click it again to clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regrouping %L1 slices (%2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows regrouped (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3): makespan %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole run (or double-click the chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous zoom (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom F&amp;orward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to the zoom you went back from (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zoom to Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected time range (select with Shift+drag or a right-drag on the chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ollapse All Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpand All Processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;Core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Both: Cores, then Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cores, then workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group the chart&apos;s rows by worker (thread, process, event loop), by CPU core, or both</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>makespan %1 ms, sequential estimate %2 ms, speedup %3×, efficiency %4 %, %n core(s) used</source>
        <translation>
            <numerusform>makespan %1 ms, sequential estimate %2 ms, speedup %3×, efficiency %4 %, %n core used</numerusform>
            <numerusform>makespan %1 ms, sequential estimate %2 ms, speedup %3×, efficiency %4 %, %n cores used</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;opened trace &amp;middot; %2 &amp;middot; %3 &amp;middot; %4 ms&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message>
        <source>Conclusion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters changed since this run: F5 to run them (the Python tab shows their program).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters changed since this run: their run is under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#e0a030&apos;&gt;%2&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;%3 ms recorded&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n core</numerusform>
            <numerusform>%n cores</numerusform>
        </translation>
    </message>
    <message>
        <source>cores mostly idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;%2 ms &amp;middot; speedup %3× &amp;middot; %4&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::ChromeTraceReader</name>
    <message>
        <source>no &apos;traceEvents&apos; array in the top-level object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;traceEvents&apos; is not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;otherData.origin_ns&apos; is not a valid integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty document: no JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a JSON object or array (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no &apos;ph&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;ph&apos; is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown phase &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number or a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 event has no &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X event has a negative &apos;dur&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 event ends before its begin event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E event without a matching B event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;id2&apos; has neither &apos;local&apos; nor &apos;global&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 event has no &apos;id&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 event without a matching %2 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C event&apos;s &apos;args&apos; is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;id&apos; is not a number or a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no error occurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing name separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing value separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>illegal value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid termination by number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>illegal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid escape sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid UTF8 string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object is missing after a comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too deeply nested document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>garbage at the end of the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected end of file (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::ComparePattern</name>
    <message>
        <source>sequential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads (GIL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads (free-threaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing beat doing the tasks one after another (%1): with so little work, starting workers costs more than it saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished first: %2, %3 faster than sequential (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished first: %2, %3 faster than sequential (%4); within 10 % of it: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work is CPU-bound (%1 % computing): only more cores help, and this machine has %2, so at most %3 was possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes ran on several cores at once (%1); threads under the GIL took turns on one (%2); without the GIL they ran in parallel (%3); asyncio&apos;s coroutines ran one after another, each blocking the event loop while it computed (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work is I/O-bound (%1 % waiting): the waits can overlap, whatever the number of cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asyncio overlapped them on one thread (%1); threads did too, the GIL being released while they wait (%2); processes as well (%3), after paying to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work is mixed (%1 % computing): the waits overlap in every concurrent mode, the computing only where several cores run at once (processes %2, free threads %3, threads with the GIL %4, asyncio %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the tutorial says: CPU-bound work wants parallel processing (multiprocessing, ProcessPoolExecutor).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutorial says: CPU-bound work wants parallel processing (multiprocessing, ProcessPoolExecutor), but here processes did not win clearly: more tasks or longer ones let them pay for their start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the tutorial says: I/O-bound work wants asynchronous programming (asyncio).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutorial says: I/O-bound work wants asynchronous programming (asyncio), but here it did not win clearly: with more tasks than workers, asyncio pulls ahead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::CompareView</name>
    <message>
        <source>Pin current run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the run on screen to the comparison (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the stacked chart as PNG, SVG or PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run is pinned already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned %1 (%2 of %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned %1; %2 made room for it (at most %3 are compared).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin runs to compare them here: up to %1, stacked on one time axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pinned run(s), started together on one time axis.</source>
        <translation>
            <numerusform>%n pinned run, started together on one time axis.</numerusform>
            <numerusform>%n pinned runs, started together on one time axis.</numerusform>
        </translation>
    </message>
    <message>
        <source>Makespan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequential estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cores used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIL wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spawning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is pinned: pin a run first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::GanttLayout</name>
    <message>
        <source>async</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no events in this trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this trace has no CPU numbers: group by worker instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rows to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mixed (folded; zoom in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indented rows: task lifelines, side by side where they overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“+N more” rows: the rest, overlapping (folded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submit → run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 arrows hidden (zoom in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core rows: colour = worker (chip by its name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core rows: colour = worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gil-wait: the GIL is a model of CPython&apos;s, not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▸ rows: a collapsed process, where any of its threads was busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting-for-core: ready, but the OS ran another thread on its core, of this run or another program (measured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 arrow in %1 drawn (click a task for its own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows not drawn: %1 (an image shows the first %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::GanttView</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Selection&lt;/b&gt; %1 to %2 (%3) · %4 slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Busy (on a CPU): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy share of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per state (summed over slices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (off CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Run (F5) to see the chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse all processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand all processes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::MainWindow</name>
    <message>
        <source>Tasklane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin Run for Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the run on screen to the Compare tab (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a Chrome/Perfetto JSON trace: Tasklane&apos;s own, or one from VizTracer and other tools (Ctrl+O, or drop the file here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the chart as PNG, SVG or PDF (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as &amp;SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trace (Chrome/Perfetto JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Tasklane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Tasklane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tasklane %1&lt;/h3&gt;&lt;p&gt;A laboratory for concurrency: runs the patterns of a Python concurrency tutorial natively in C++ (processes, thread pools, asyncio), records every task&apos;s life and draws it as a Gantt chart across cores, workers and the event loop.&lt;/p&gt;&lt;p&gt;The GIL is a model of CPython&apos;s, not measured.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run to pin yet: run a pattern first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run would take about %1 s: press Run (F5) to start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: makespan %1 ms, speedup %2×, %3 events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1: %2, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at %1 of %2 tasks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::OpenedTraceSummary</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened trace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 slices, %2 instants, %3 counter samples, %4 flow ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first event to last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequential estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequential ÷ time span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cores used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cores busy at least 5 % of the span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of the span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time by state, summed over slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running time by track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tasks&apos; own work and waits, back to back on one thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::ParamChoice</name>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::ParamError</name>
    <message>
        <source>--%1 must be between %2 and %3, got %4</source>
        <translation>%1 must be between %2 and %3, got %4</translation>
    </message>
    <message>
        <source>--%1 must be a whole number in %2</source>
        <translation>%1 must be a whole number in %2</translation>
    </message>
    <message>
        <source>--%1 must be a number in %2</source>
        <translation>%1 must be a number in %2</translation>
    </message>
    <message>
        <source>--%1 must be one of %2</source>
        <translation>%1 must be one of %2</translation>
    </message>
    <message>
        <source>--%1 must be one of %2, got &apos;%3&apos;</source>
        <translation>%1 must be one of %2, got &apos;%3&apos;</translation>
    </message>
    <message>
        <source>--%1 must be comma-separated numbers, each %2</source>
        <translation>%1 must be comma-separated numbers, each %2</translation>
    </message>
    <message>
        <source>--%1 must be comma-separated numbers, each %2, got %3</source>
        <translation>%1 must be comma-separated numbers, each %2, got %3</translation>
    </message>
    <message>
        <source>--%1 must be text</source>
        <translation>%1 must be text</translation>
    </message>
    <message>
        <source>--%1 must be a folder</source>
        <translation>%1 must be a folder</translation>
    </message>
    <message>
        <source>--%1 must be a folder, without NUL characters</source>
        <translation>%1 must be a folder, without NUL characters</translation>
    </message>
    <message>
        <source>--%1 must be a whole number in %2, got &apos;%3&apos;</source>
        <translation>%1 must be a whole number in %2, got &apos;%3&apos;</translation>
    </message>
    <message>
        <source>--%1 must be a number in %2, got &apos;%3&apos;</source>
        <translation>%1 must be a number in %2, got &apos;%3&apos;</translation>
    </message>
    <message>
        <source>--%1 must be comma-separated numbers, each %2, got &apos;%3&apos;</source>
        <translation>%1 must be comma-separated numbers, each %2, got &apos;%3&apos;</translation>
    </message>
    <message>
        <source>--%1 does not apply to pattern %2 (its options: %3)</source>
        <translation>%1 does not apply to pattern %2 (its options: %3)</translation>
    </message>
</context>
<context>
    <name>tasklane::ParamLabel</name>
    <message>
        <source>workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cpu-ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>io-ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time-scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start-method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chunksize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>increments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out-dir</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::ParamSpec</name>
    <message>
        <source>the await asyncio.sleep(1) in between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiplies every duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each task&apos;s asyncio.sleep, in order: task A, B, C, ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how many files: example.txt for one, example01.txt... for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each file&apos;s size: the text is 24 bytes; more repeats it on further lines and pads the end with &apos;.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most this many files open at once (an asyncio.Semaphore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder the files go to (existing ones of the same name are replaced); empty: a new run folder in the temp folder, shown in the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads and processes in the pools (asyncio runs every task on one thread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how many tasks each mode runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work per task (CPU-bound: the tutorial&apos;s case for processes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting per task: blocking I/O in threads and processes, asyncio.sleep in asyncio (I/O-bound: the tutorial&apos;s case for async)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how the process pool&apos;s workers start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiplies cpu-ms and io-ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how workers start: fork copies this process, spawn execs a clean worker program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiplies every duration (cpu-ms, io-ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work per task: real arithmetic in the worker process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocking I/O per task: a sleep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how many numbers to map (the tutorial maps 1..5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how many Process objects to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how many numbers each prints (range(5))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sleep after each print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool(processes): worker processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>items per trip to a worker; 0: Python&apos;s default ceil(len / (4 x workers))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how many processes increment the value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>increments per process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on: with shared_value.get_lock(); off: a bare value += 1 that races</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work before each increment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_workers: worker processes (Python&apos;s default: the CPU count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>items per trip to a worker (with cpu-ms or io-ms each item is submitted alone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_workers: threads in the pool (Python&apos;s default: min(32, cores + 4))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU work per task: real arithmetic on the thread&apos;s core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocking I/O per task: a sleep, with the GIL released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the GIL model: on as in CPython, off as free-threaded Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated numbers, each %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiplies io-ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiplies cpu-ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::ParameterPanel</name>
    <message>
        <source>Add task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a task with the last task&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tasks: edit the list above (sliders for up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an existing folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::Pattern</name>
    <message>
        <source>One coroutine prints, awaits asyncio.sleep (the loop is free meanwhile), prints again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three coroutines sleep at once on one thread: the whole takes about the longest delay, not the sum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coroutines write &quot;비동기 파일 작성!&quot; into files through aiofiles-style async files: open, write and read run on the executor&apos;s threads while the loop waits for them; each file is read back and checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One workload through five modes: sequential, threads with and without the GIL, processes, asyncio. CPU-bound work needs cores (processes); I/O-bound work needs overlapping waits (asyncio, threads).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU-bound vs I/O-bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A child process runs print_numbers() while the parent waits in join(). With several processes, each prints its own numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker processes map square() over the numbers in chunks. Each process has its own interpreter and no GIL to share: CPU work runs on all cores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes increment one Value in shared memory. Under get_lock() the count is exact; without it, read-modify-write races lose updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>concurrent.futures with worker processes: cube() runs in parallel on every core, one item per trip by default (chunksize=1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads of one process map square() over the numbers. With the GIL on (as in CPython) CPU work takes turns; I/O waits overlap.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::PatternPane</name>
    <message>
        <source>2  Multiprocessing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3  Asynchronous programming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4  concurrent.futures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5  Parallel vs. asynchronous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-run on Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run again shortly after every parameter change, when the run takes under 2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Patterns&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Parameters&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the pattern with these parameters (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run  (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lesson&apos;s Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters that show what the pattern teaches within two seconds (the values a pattern opens with)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tutorial&apos;s Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tutorial&apos;s own example, as its program has it (the Python tab shows it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutorial&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart shows %1, a trace file, not a run of a pattern. Run (F5) runs %2 with the parameters below; pick a pattern to read about it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::ResultTabs</name>
    <message>
        <source>Python program copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the Python program prints appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the Python program to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no instant events (a program&apos;s printed lines are instants in Tasklane&apos;s traces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instant events in %1, in time order (in Tasklane&apos;s traces, what the program printed):

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

The files are in %1, this window&apos;s folder for runs with no folder chosen: the next such run replaces them, and the folder is removed when the window closes. Choose a folder (out-dir) to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source># %1 is a trace file opened from disk, not a run of one of Tasklane&apos;s patterns:
# there is no Python program for it here. Pick a pattern to see its program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters changed since the run on screen: this is the program for the new values; F5 runs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(The run was %1 before the program printed anything.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::RunController</name>
    <message>
        <source>

[… output cut: showing the first %1 of %2 characters. Export the trace, or run tasklane-cli, for all of it.]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run failed with an unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::RunError</name>
    <message>
        <source>cannot write into folder &apos;%1&apos;: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in &apos;%2&apos; reads back %3 bytes that differ from the %4 written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out-dir &apos;%1&apos; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out-dir &apos;%1&apos; cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out-dir &apos;%1&apos; is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out-dir &apos;%1&apos; is not writable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot make a run folder in &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not enough space in &apos;%1&apos;: the files need %2, %3 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2) exited with code %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2) exited with code %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::SaveFile</name>
    <message>
        <source>cannot open %1 for writing: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::ShownResult</name>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped at %1 of %2 tasks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::State</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock-wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock-held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gil-wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spawning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting-for-core</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::SummaryView</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makespan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first submit to last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequential estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tasks&apos; own work, back to back on one thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequential ÷ makespan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cores used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIL wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads waiting for the interpreter lock (a model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tasks waiting for a free worker, summed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spawning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting worker processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message>
        <source>Per-core utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>makespan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speedup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cores used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready threads the OS had no free core for, summed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n wait(s) overlapped</source>
        <translation>
            <numerusform>%n wait overlapped</numerusform>
            <numerusform>%n waits overlapped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n core(s)</source>
        <translation>
            <numerusform>%1 on %n core</numerusform>
            <numerusform>%1 on %n cores</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tasks&apos; own work (%1 ms) is small beside starting and coordinating the workers: give them more work, or try the lesson&apos;s values (Run menu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>speedup per worker that could run at once (%n here: workers, at most the cores)</source>
        <translation>
            <numerusform>speedup per worker that could run at once (%n here: workers, at most the cores)</numerusform>
            <numerusform>speedup per worker that could run at once (%n here: workers, at most the cores)</numerusform>
        </translation>
    </message>
    <message>
        <source>busy at least 5 % of the run, of %1 on this machine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::TimeRuler</name>
    <message>
        <source>The whole run: the box is the part on screen. Click or drag to move it, double-click to fit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasklane::TraceFileController</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chrome/Perfetto trace (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chrome/Perfetto trace (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Compared Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

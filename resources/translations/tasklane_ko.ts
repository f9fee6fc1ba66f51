<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>main</name>
    <message>
        <source>The pattern to open: %1.</source>
        <translation>처음 선택할 패턴: %1.</translation>
    </message>
    <message>
        <source>Chart rows: worker, core or both.</source>
        <translation>차트의 행: worker(작업자), core(코어) 또는 both(둘 다).</translation>
    </message>
    <message>
        <source>The tab to show: output, python or summary.</source>
        <translation>보여 줄 탭: output(출력), python(파이썬) 또는 summary(요약).</translation>
    </message>
    <message>
        <source>Tasklane: concurrency patterns as Gantt charts.</source>
        <translation>Tasklane: 동시성 패턴을 간트 차트로 보여 줍니다.</translation>
    </message>
    <message>
        <source>The window&apos;s language for this start: system, en (English) or ko (Korean).</source>
        <translation>이번 실행에서 쓸 창의 언어: system(시스템), en(영어) 또는 ko(한국어).</translation>
    </message>
    <message>
        <source>A Chrome/Perfetto JSON trace to open.</source>
        <translation>열어 볼 Chrome/Perfetto JSON 트레이스.</translation>
    </message>
    <message>
        <source>--language must be one of system|en|ko, got &apos;%1&apos;</source>
        <translation>--language는 system|en|ko 중 하나여야 합니다. 받은 값: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>give at most one trace file, got %1</source>
        <translation>트레이스 파일은 하나만 줄 수 있습니다. 받은 것: %1</translation>
    </message>
    <message>
        <source>--group-by must be one of worker|core|both, got &apos;%1&apos;</source>
        <translation>--group-by는 worker|core|both 중 하나여야 합니다. 받은 값: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown pattern &apos;%1&apos; (choose one of %2)</source>
        <translation>알 수 없는 패턴 &apos;%1&apos; (%2 중에서 고르세요)</translation>
    </message>
    <message>
        <source>--%1 needs --pattern (e.g. --pattern thread-pool)</source>
        <translation>--%1에는 --pattern이 필요합니다 (예: --pattern thread-pool)</translation>
    </message>
    <message>
        <source>--%1 does not apply to pattern %2</source>
        <translation>--%1은(는) 패턴 %2에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>--tab must be one of output|python|summary, got &apos;%1&apos;</source>
        <translation>--tab은 output|python|summary 중 하나여야 합니다. 받은 값: &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>tasklane::ChartExporter</name>
    <message>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos;에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>no chart format in &apos;%1&apos; (use .png, .svg or .pdf)</source>
        <translation>&apos;%1&apos;에 차트 형식이 없습니다 (.png, .svg, .pdf 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>unsupported chart format &apos;.%1&apos; (use .png, .svg or .pdf)</source>
        <translation>지원하지 않는 차트 형식 &apos;.%1&apos; (.png, .svg, .pdf 중 하나를 쓰세요)</translation>
    </message>
</context>
<context>
    <name>tasklane::ChartPane</name>
    <message>
        <source>Task %1 highlighted; click it again to clear.</source>
        <translation>작업 %1을(를) 강조했습니다. 다시 클릭하면 해제됩니다.</translation>
    </message>
    <message>
        <source>Regrouping %L1 slices (%2)…</source>
        <translation>슬라이스 %L1개를 다시 묶는 중 (%2)…</translation>
    </message>
    <message>
        <source>Rows regrouped (%1).</source>
        <translation>행을 다시 묶었습니다 (%1).</translation>
    </message>
    <message>
        <source>%1 %2 (%3): makespan %4 ms</source>
        <translation>%1 %2 (%3): 총 소요 시간 %4 ms</translation>
    </message>
    <message>
        <source>&amp;Fit Chart</source>
        <translation>차트 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole run (or double-click the chart)</source>
        <translation>실행 전체를 보여 줍니다 (차트를 두 번 클릭해도 됩니다)</translation>
    </message>
    <message>
        <source>Zoom &amp;Back</source>
        <translation>확대 뒤로(&amp;B)</translation>
    </message>
    <message>
        <source>Back to the previous zoom (Alt+Left)</source>
        <translation>이전 확대 상태로 돌아갑니다 (Alt+Left)</translation>
    </message>
    <message>
        <source>Zoom F&amp;orward</source>
        <translation>확대 앞으로(&amp;O)</translation>
    </message>
    <message>
        <source>Forward to the zoom you went back from (Alt+Right)</source>
        <translation>되돌아오기 전의 확대 상태로 갑니다 (Alt+Right)</translation>
    </message>
    <message>
        <source>&amp;Zoom to Selection</source>
        <translation>선택 구간 확대(&amp;Z)</translation>
    </message>
    <message>
        <source>Show the selected time range (select with Shift+drag or a right-drag on the chart)</source>
        <translation>선택한 시간 범위를 보여 줍니다 (차트에서 Shift+드래그나 오른쪽 버튼 드래그로 선택)</translation>
    </message>
    <message>
        <source>C&amp;lear Selection</source>
        <translation>선택 해제(&amp;L)</translation>
    </message>
    <message>
        <source>C&amp;ollapse All Processes</source>
        <translation>모든 프로세스 접기(&amp;O)</translation>
    </message>
    <message>
        <source>E&amp;xpand All Processes</source>
        <translation>모든 프로세스 펼치기(&amp;X)</translation>
    </message>
    <message>
        <source>By &amp;Worker</source>
        <translation>작업자별(&amp;W)</translation>
    </message>
    <message>
        <source>By &amp;Core</source>
        <translation>코어별(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Both: Cores, then Workers</source>
        <translation>둘 다: 코어, 그다음 작업자(&amp;B)</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>행:</translation>
    </message>
    <message>
        <source>by worker</source>
        <translation>작업자별</translation>
    </message>
    <message>
        <source>by core</source>
        <translation>코어별</translation>
    </message>
    <message>
        <source>cores, then workers</source>
        <translation>코어, 그다음 작업자</translation>
    </message>
    <message>
        <source>Group the chart&apos;s rows by worker (thread, process, event loop), by CPU core, or both</source>
        <translation>차트의 행을 작업자(스레드, 프로세스, 이벤트 루프)별, CPU 코어별, 또는 둘 다로 묶습니다</translation>
    </message>
    <message numerus="yes">
        <source>makespan %1 ms, sequential estimate %2 ms, speedup %3×, efficiency %4 %, %n core(s) used</source>
        <translation>
            <numerusform>총 소요 시간 %1 ms, 순차 실행 추정 %2 ms, 속도 향상 %3배, 효율 %4%, 코어 %n개 사용</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;opened trace &amp;middot; %2 &amp;middot; %3 &amp;middot; %4 ms&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;연 트레이스 &amp;middot; %2 &amp;middot; %3 &amp;middot; %4 ms&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>이벤트 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>트랙 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Conclusion:</source>
        <translation>결론:</translation>
    </message>
    <message>
        <source>Parameters changed since this run: F5 to run them (the Python tab shows their program).</source>
        <translation>이 실행 이후 매개변수가 바뀌었습니다: F5로 실행하세요 (Python 탭에 그 프로그램이 있습니다).</translation>
    </message>
    <message>
        <source>Parameters changed since this run: their run is under way.</source>
        <translation>이 실행 이후 매개변수가 바뀌었습니다: 그 실행이 진행 중입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#e0a030&apos;&gt;%2&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;%3 ms recorded&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#e0a030&apos;&gt;%2&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;%3 ms 기록됨&lt;/span&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>코어 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>cores mostly idle</source>
        <translation>코어는 거의 쉼</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;%2 ms &amp;middot; speedup %3× &amp;middot; %4&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#5a626c&apos;&gt;%2 ms &amp;middot; 속도 향상 %3배 &amp;middot; %4&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>tasklane::ChromeTraceReader</name>
    <message>
        <source>no &apos;traceEvents&apos; array in the top-level object</source>
        <translation>최상위 객체에 &apos;traceEvents&apos; 배열이 없습니다</translation>
    </message>
    <message>
        <source>&apos;traceEvents&apos; is not an array</source>
        <translation>&apos;traceEvents&apos; 값이 배열이 아닙니다</translation>
    </message>
    <message>
        <source>&apos;otherData.origin_ns&apos; is not a valid integer</source>
        <translation>&apos;otherData.origin_ns&apos; 값이 올바른 정수가 아닙니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is out of range</source>
        <translation>&apos;%1&apos; 값이 범위를 벗어났습니다</translation>
    </message>
    <message>
        <source>event %1: %2</source>
        <translation>이벤트 %1: %2</translation>
    </message>
    <message>
        <source>empty document: no JSON value</source>
        <translation>빈 문서: JSON 값이 없습니다</translation>
    </message>
    <message>
        <source>not a JSON object or array (%1)</source>
        <translation>JSON 객체나 배열이 아닙니다 (%1)</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>객체가 아닙니다</translation>
    </message>
    <message>
        <source>no &apos;ph&apos;</source>
        <translation>&apos;ph&apos;가 없습니다</translation>
    </message>
    <message>
        <source>&apos;ph&apos; is not a string</source>
        <translation>&apos;ph&apos; 값이 문자열이 아닙니다</translation>
    </message>
    <message>
        <source>unknown phase &apos;%1&apos;</source>
        <translation>알 수 없는 이벤트 종류(ph) &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an integer</source>
        <translation>&apos;%1&apos; 값이 정수가 아닙니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number or a string</source>
        <translation>&apos;%1&apos; 값이 숫자도 문자열도 아닙니다</translation>
    </message>
    <message>
        <source>%1 event has no &apos;%2&apos;</source>
        <translation>%1 이벤트에 &apos;%2&apos; 값이 없습니다</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; 값이 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>X event has a negative &apos;dur&apos;</source>
        <translation>X 이벤트의 &apos;dur&apos; 값이 음수입니다</translation>
    </message>
    <message>
        <source>%1 event ends before its begin event</source>
        <translation>%1 이벤트가 시작 이벤트보다 먼저 끝납니다</translation>
    </message>
    <message>
        <source>E event without a matching B event</source>
        <translation>짝이 되는 B 이벤트가 없는 E 이벤트입니다</translation>
    </message>
    <message>
        <source>&apos;id2&apos; has neither &apos;local&apos; nor &apos;global&apos;</source>
        <translation>&apos;id2&apos;에 &apos;local&apos;도 &apos;global&apos;도 없습니다</translation>
    </message>
    <message>
        <source>%1 event has no &apos;id&apos;</source>
        <translation>%1 이벤트에 &apos;id&apos;가 없습니다</translation>
    </message>
    <message>
        <source>%1 event without a matching %2 event</source>
        <translation>짝이 되는 %2 이벤트가 없는 %1 이벤트입니다</translation>
    </message>
    <message>
        <source>C event&apos;s &apos;args&apos; is not an object</source>
        <translation>C 이벤트의 &apos;args&apos; 값이 객체가 아닙니다</translation>
    </message>
    <message>
        <source>&apos;id&apos; is not a number or a string</source>
        <translation>&apos;id&apos; 값이 숫자도 문자열도 아닙니다</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 파일을 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 파일을 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>no error occurred</source>
        <translation>오류 없음</translation>
    </message>
    <message>
        <source>unterminated object</source>
        <translation>객체가 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>missing name separator</source>
        <translation>이름 구분자(:)가 없습니다</translation>
    </message>
    <message>
        <source>unterminated array</source>
        <translation>배열이 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>missing value separator</source>
        <translation>값 구분자(,)가 없습니다</translation>
    </message>
    <message>
        <source>illegal value</source>
        <translation>잘못된 값</translation>
    </message>
    <message>
        <source>invalid termination by number</source>
        <translation>숫자로 잘못 끝났습니다</translation>
    </message>
    <message>
        <source>illegal number</source>
        <translation>잘못된 숫자</translation>
    </message>
    <message>
        <source>invalid escape sequence</source>
        <translation>잘못된 이스케이프 시퀀스</translation>
    </message>
    <message>
        <source>invalid UTF8 string</source>
        <translation>잘못된 UTF-8 문자열</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>문자열이 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>object is missing after a comma</source>
        <translation>쉼표 뒤에 객체가 없습니다</translation>
    </message>
    <message>
        <source>too deeply nested document</source>
        <translation>문서가 너무 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>too large document</source>
        <translation>문서가 너무 큽니다</translation>
    </message>
    <message>
        <source>garbage at the end of the document</source>
        <translation>문서 끝에 불필요한 내용이 있습니다</translation>
    </message>
    <message>
        <source>unexpected end of file (%1)</source>
        <translation>파일이 예기치 않게 끝났습니다 (%1)</translation>
    </message>
</context>
<context>
    <name>tasklane::ComparePattern</name>
    <message>
        <source>sequential</source>
        <translation>순차 실행</translation>
    </message>
    <message>
        <source>threads (GIL)</source>
        <translation>스레드 (GIL)</translation>
    </message>
    <message>
        <source>threads (free-threaded)</source>
        <translation>스레드 (GIL 없음)</translation>
    </message>
    <message>
        <source>processes</source>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Nothing beat doing the tasks one after another (%1): with so little work, starting workers costs more than it saves.</source>
        <translation>작업을 하나씩 차례로 실행한 것(%1)보다 빠른 방식이 없었습니다. 작업량이 이렇게 적으면 작업자를 시작하는 비용이 얻는 이득보다 큽니다.</translation>
    </message>
    <message>
        <source>%1 finished first: %2, %3 faster than sequential (%4).</source>
        <translation>%1 방식이 가장 먼저 끝났습니다: %2, 순차 실행(%4)보다 %3 빠릅니다.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 finished first: %2, %3 faster than sequential (%4); within 10 % of it: %5.</source>
        <translation>%1 방식이 가장 먼저 끝났습니다: %2, 순차 실행(%4)보다 %3 빠릅니다. 10 % 이내로 뒤따른 방식: %5.</translation>
    </message>
    <message>
        <source>The work is CPU-bound (%1 % computing): only more cores help, and this machine has %2, so at most %3 was possible.</source>
        <translation>이 작업은 CPU 집약적 작업입니다 (계산 %1 %). 코어가 많아야만 빨라지는데 이 컴퓨터의 코어는 %2개이므로, 최대 %3까지 가능했습니다.</translation>
    </message>
    <message>
        <source>Processes ran on several cores at once (%1); threads under the GIL took turns on one (%2); without the GIL they ran in parallel (%3); asyncio&apos;s coroutines ran one after another, each blocking the event loop while it computed (%4).</source>
        <translation>프로세스는 여러 코어에서 동시에 실행되었고(%1), GIL 아래의 스레드는 한 코어에서 번갈아 실행되었으며(%2), GIL이 없으면 스레드도 병렬로 실행되었습니다(%3). asyncio의 코루틴은 하나씩 차례로 실행되었고, 계산하는 동안 각각 이벤트 루프를 막았습니다(%4).</translation>
    </message>
    <message>
        <source>The work is I/O-bound (%1 % waiting): the waits can overlap, whatever the number of cores.</source>
        <translation>이 작업은 I/O 집약적 작업입니다 (대기 %1 %). 코어 수와 상관없이 대기 시간을 겹칠 수 있습니다.</translation>
    </message>
    <message>
        <source>asyncio overlapped them on one thread (%1); threads did too, the GIL being released while they wait (%2); processes as well (%3), after paying to start.</source>
        <translation>asyncio는 하나의 스레드에서 대기 시간을 겹쳤고(%1), 스레드도 기다리는 동안 GIL을 놓으므로 겹쳤으며(%2), 프로세스도 시작 비용을 치른 뒤에는 겹쳤습니다(%3).</translation>
    </message>
    <message>
        <source>The work is mixed (%1 % computing): the waits overlap in every concurrent mode, the computing only where several cores run at once (processes %2, free threads %3, threads with the GIL %4, asyncio %5).</source>
        <translation>이 작업은 계산과 대기가 섞여 있습니다 (계산 %1 %). 대기 시간은 모든 동시 실행 방식에서 겹치지만, 계산은 여러 코어가 동시에 실행될 때만 겹칩니다 (프로세스 %2, GIL 없는 스레드 %3, GIL이 있는 스레드 %4, asyncio %5).</translation>
    </message>
    <message>
        <source>As the tutorial says: CPU-bound work wants parallel processing (multiprocessing, ProcessPoolExecutor).</source>
        <translation>튜토리얼의 설명대로입니다: CPU 집약적 작업에는 병렬 처리(multiprocessing, ProcessPoolExecutor)가 알맞습니다.</translation>
    </message>
    <message>
        <source>The tutorial says: CPU-bound work wants parallel processing (multiprocessing, ProcessPoolExecutor), but here processes did not win clearly: more tasks or longer ones let them pay for their start.</source>
        <translation>튜토리얼에 따르면 CPU 집약적 작업에는 병렬 처리(multiprocessing, ProcessPoolExecutor)가 알맞지만, 여기서는 프로세스가 확실히 이기지 못했습니다. 작업이 더 많거나 더 길면 프로세스의 시작 비용을 만회할 수 있습니다.</translation>
    </message>
    <message>
        <source>As the tutorial says: I/O-bound work wants asynchronous programming (asyncio).</source>
        <translation>튜토리얼의 설명대로입니다: I/O 집약적 작업에는 비동기 프로그래밍(asyncio)이 알맞습니다.</translation>
    </message>
    <message>
        <source>The tutorial says: I/O-bound work wants asynchronous programming (asyncio), but here it did not win clearly: with more tasks than workers, asyncio pulls ahead.</source>
        <translation>튜토리얼에 따르면 I/O 집약적 작업에는 비동기 프로그래밍(asyncio)이 알맞지만, 여기서는 확실히 이기지 못했습니다. 작업이 작업자보다 많으면 asyncio가 앞서 나갑니다.</translation>
    </message>
</context>
<context>
    <name>tasklane::CompareView</name>
    <message>
        <source>Pin current run</source>
        <translation>현재 실행 고정</translation>
    </message>
    <message>
        <source>Add the run on screen to the comparison (Ctrl+P)</source>
        <translation>화면의 실행을 비교에 추가합니다 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>모두 지우기</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>차트 내보내기…</translation>
    </message>
    <message>
        <source>Save the stacked chart as PNG, SVG or PDF</source>
        <translation>쌓은 차트를 PNG, SVG 또는 PDF로 저장합니다</translation>
    </message>
    <message>
        <source>This run is pinned already.</source>
        <translation>이 실행은 이미 고정되어 있습니다.</translation>
    </message>
    <message>
        <source>Pinned %1 (%2 of %3).</source>
        <translation>%1을(를) 고정했습니다 (%3개 중 %2번째).</translation>
    </message>
    <message>
        <source>Pinned %1; %2 made room for it (at most %3 are compared).</source>
        <translation>%1을(를) 고정했습니다. 자리를 내기 위해 %2을(를) 뺐습니다 (최대 %3개까지 비교).</translation>
    </message>
    <message>
        <source>Pin runs to compare them here: up to %1, stacked on one time axis.</source>
        <translation>실행을 고정하면 여기서 비교할 수 있습니다: 최대 %1개를 하나의 시간 축에 쌓아 보여 줍니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n pinned run(s), started together on one time axis.</source>
        <translation>
            <numerusform>고정한 실행 %n개, 하나의 시간 축에서 함께 시작합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Makespan</source>
        <translation>총 소요 시간</translation>
    </message>
    <message>
        <source>Sequential estimate</source>
        <translation>순차 실행 추정</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>효율</translation>
    </message>
    <message>
        <source>Cores used</source>
        <translation>사용한 코어</translation>
    </message>
    <message>
        <source>GIL wait</source>
        <translation>GIL 대기</translation>
    </message>
    <message>
        <source>Lock wait</source>
        <translation>락 대기</translation>
    </message>
    <message>
        <source>Spawning</source>
        <translation>프로세스 생성</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>대기열 대기</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1배</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Nothing is pinned: pin a run first.</source>
        <translation>고정한 실행이 없습니다. 먼저 실행을 고정하세요.</translation>
    </message>
    <message>
        <source>Compared: %1</source>
        <translation>비교: %1</translation>
    </message>
</context>
<context>
    <name>tasklane::GanttLayout</name>
    <message>
        <source>async</source>
        <translation>비동기</translation>
    </message>
    <message>
        <source>+%1 more %2</source>
        <translation>+%1개 더 (%2)</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>작업 %1</translation>
    </message>
    <message>
        <source>%1 · %2 tasks</source>
        <translation>%1 · 작업 %2개</translation>
    </message>
    <message>
        <source>no events in this trace</source>
        <translation>이 트레이스에는 이벤트가 없습니다</translation>
    </message>
    <message>
        <source>this trace has no CPU numbers: group by worker instead</source>
        <translation>이 트레이스에는 CPU 번호가 없습니다: 작업자별로 묶어 보세요</translation>
    </message>
    <message>
        <source>no rows to show</source>
        <translation>보여 줄 행이 없습니다</translation>
    </message>
    <message>
        <source>mixed (folded; zoom in)</source>
        <translation>혼합 (접힘; 확대하세요)</translation>
    </message>
    <message>
        <source>indented rows: task lifelines, side by side where they overlap</source>
        <translation>들여쓴 행: 작업의 수명선, 겹치는 곳은 나란히</translation>
    </message>
    <message>
        <source>“+N more” rows: the rest, overlapping (folded)</source>
        <translation>“+N개 더” 행: 나머지, 겹쳐 있음 (접힘)</translation>
    </message>
    <message>
        <source>printed line</source>
        <translation>출력한 줄</translation>
    </message>
    <message>
        <source>submit → run</source>
        <translation>제출 → 실행</translation>
    </message>
    <message>
        <source>%1 arrows hidden (zoom in)</source>
        <translation>화살표 %1개 숨김 (확대하세요)</translation>
    </message>
    <message>
        <source>core rows: colour = worker (chip by its name)</source>
        <translation>코어 행: 색 = 작업자 (이름 옆의 색 표시)</translation>
    </message>
    <message>
        <source>core rows: colour = worker</source>
        <translation>코어 행: 색 = 작업자</translation>
    </message>
    <message>
        <source>gil-wait: the GIL is a model of CPython&apos;s, not measured</source>
        <translation>GIL 대기: GIL은 CPython의 GIL을 흉내 낸 모델이며, 측정한 값이 아닙니다</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>%1 · %2 threads</source>
        <translation>%1 · 스레드 %2개</translation>
    </message>
    <message>
        <source>%1 · %2 rows</source>
        <translation>%1 · 행 %2개</translation>
    </message>
    <message>
        <source>▸ rows: a collapsed process, where any of its threads was busy</source>
        <translation>▸ 행: 접힌 프로세스, 스레드 중 하나라도 일하던 구간</translation>
    </message>
    <message>
        <source>waiting-for-core: ready, but the OS ran another thread on its core, of this run or another program (measured)</source>
        <translation>코어 대기: 실행할 준비가 됐지만 OS가 그 코어에서 이 실행이나 다른 프로그램의 스레드를 실행함 (측정값)</translation>
    </message>
    <message>
        <source>1 arrow in %1 drawn (click a task for its own)</source>
        <translation>화살표 %1개 중 1개만 표시 (작업을 클릭하면 그 작업의 화살표)</translation>
    </message>
    <message>
        <source>rows not drawn: %1 (an image shows the first %2)</source>
        <translation>그리지 않은 행: %1개 (이미지에는 처음 %2개 행만 표시)</translation>
    </message>
</context>
<context>
    <name>tasklane::GanttView</name>
    <message>
        <source>(unnamed)</source>
        <translation>(이름 없음)</translation>
    </message>
    <message>
        <source>state</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <source>core</source>
        <translation>코어</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>none (off CPU)</source>
        <translation>없음 (CPU 밖)</translation>
    </message>
    <message>
        <source>task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Press Run (F5) to see the chart.</source>
        <translation>실행(F5)을 누르면 차트가 나타납니다.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation>%1 ns</translation>
    </message>
    <message>
        <source>&lt;b&gt;Selection&lt;/b&gt; %1 to %2 (%3) · %4 slices</source>
        <translation>&lt;b&gt;선택 구간&lt;/b&gt; %1 ~ %2 (%3) · 조각 %4개</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n개 더</numerusform>
        </translation>
    </message>
    <message>
        <source>Busy (on a CPU): %1</source>
        <translation>CPU에서 실행 중: %1</translation>
    </message>
    <message>
        <source>Busy share of %1</source>
        <translation>%1의 실행 비율</translation>
    </message>
    <message>
        <source>Time per state (summed over slices)</source>
        <translation>상태별 시간 (조각들의 합)</translation>
    </message>
    <message>
        <source>Expand process %1</source>
        <translation>프로세스 %1 펼치기</translation>
    </message>
    <message>
        <source>Collapse process %1</source>
        <translation>프로세스 %1 접기</translation>
    </message>
    <message>
        <source>Collapse all processes</source>
        <translation>모든 프로세스 접기</translation>
    </message>
    <message>
        <source>Expand all processes</source>
        <translation>모든 프로세스 펼치기</translation>
    </message>
</context>
<context>
    <name>tasklane::MainWindow</name>
    <message>
        <source>Tasklane</source>
        <translation>Tasklane</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pin Run for Comparison</source>
        <translation>비교용으로 실행 고정(&amp;P)</translation>
    </message>
    <message>
        <source>Add the run on screen to the Compare tab (Ctrl+P)</source>
        <translation>화면의 실행을 비교 탭에 추가합니다 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Export &amp;Chart…</source>
        <translation>차트 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the chart as PNG, SVG or PDF (Ctrl+E)</source>
        <translation>차트를 PNG, SVG 또는 PDF로 저장합니다 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Chart as &amp;PNG…</source>
        <translation>차트를 PNG로(&amp;P)…</translation>
    </message>
    <message>
        <source>Chart as &amp;SVG…</source>
        <translation>차트를 SVG로(&amp;S)…</translation>
    </message>
    <message>
        <source>Chart as P&amp;DF…</source>
        <translation>차트를 PDF로(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Trace (Chrome/Perfetto JSON)…</source>
        <translation>트레이스 (Chrome/Perfetto JSON)(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Events as CSV…</source>
        <translation>이벤트를 CSV로(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Tasklane</source>
        <translation>Tasklane 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About Tasklane</source>
        <translation>Tasklane 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tasklane %1&lt;/h3&gt;&lt;p&gt;A laboratory for concurrency: runs the patterns of a Python concurrency tutorial natively in C++ (processes, thread pools, asyncio), records every task&apos;s life and draws it as a Gantt chart across cores, workers and the event loop.&lt;/p&gt;&lt;p&gt;The GIL is a model of CPython&apos;s, not measured.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tasklane %1&lt;/h3&gt;&lt;p&gt;동시성 실험실: 파이썬 병렬 처리·비동기 프로그래밍 튜토리얼의 패턴(프로세스, 스레드 풀, asyncio)을 C++로 직접 실행하고, 모든 작업의 생애를 기록해 코어, 작업자, 이벤트 루프에 걸친 간트 차트로 그립니다.&lt;/p&gt;&lt;p&gt;GIL은 CPython의 GIL을 본뜬 모델이며, 측정한 값이 아닙니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Group Rows</source>
        <translation>행 묶기(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>No run to pin yet: run a pattern first.</source>
        <translation>아직 고정할 실행이 없습니다. 먼저 패턴을 실행하세요.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>This run would take about %1 s: press Run (F5) to start it.</source>
        <translation>이 실행은 약 %1초 걸립니다. 시작하려면 실행(F5)을 누르세요.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 실행 중…</translation>
    </message>
    <message>
        <source>%1 / %2 tasks</source>
        <translation>작업 %1 / %2</translation>
    </message>
    <message>
        <source>Done: makespan %1 ms, speedup %2×, %3 events.</source>
        <translation>완료: 총 소요 시간 %1 ms, 속도 향상 %2배, 이벤트 %3개.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>실행 실패</translation>
    </message>
    <message>
        <source>&amp;Open Trace…</source>
        <translation>트레이스 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Show a Chrome/Perfetto JSON trace: Tasklane&apos;s own, or one from VizTracer and other tools (Ctrl+O, or drop the file here)</source>
        <translation>Chrome/Perfetto JSON 트레이스를 보여 줍니다: Tasklane이 만든 것이나 VizTracer 등 다른 도구가 만든 것 (Ctrl+O, 또는 파일을 여기에 끌어다 놓으세요)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>시스템 설정(&amp;S) (%1)</translation>
    </message>
    <message>
        <source>Opened %1: %2, %3.</source>
        <translation>%1을(를) 열었습니다: %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>이벤트 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>트랙 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>시스템 기본값(&amp;S)</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>실행할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Stopped at %1 of %2 tasks.</source>
        <translation>작업 %2개 중 %1개에서 중지했습니다.</translation>
    </message>
</context>
<context>
    <name>tasklane::OpenedTraceSummary</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Opened trace: %1</source>
        <translation>연 트레이스: %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message>
        <source>%1 slices, %2 instants, %3 counter samples, %4 flow ends</source>
        <translation>조각 %1개, 순간 이벤트 %2개, 카운터 샘플 %3개, 흐름 끝점 %4개</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>트랙</translation>
    </message>
    <message>
        <source>Time span</source>
        <translation>시간 범위</translation>
    </message>
    <message>
        <source>first event to last</source>
        <translation>첫 이벤트부터 마지막 이벤트까지</translation>
    </message>
    <message>
        <source>Sequential estimate</source>
        <translation>순차 실행 추정</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1배</translation>
    </message>
    <message>
        <source>sequential ÷ time span</source>
        <translation>순차 실행 추정 ÷ 시간 범위</translation>
    </message>
    <message>
        <source>Cores used</source>
        <translation>사용한 코어</translation>
    </message>
    <message>
        <source>cores busy at least 5 % of the span</source>
        <translation>시간 범위의 5 % 이상 바빴던 코어</translation>
    </message>
    <message>
        <source>%1 % of the span</source>
        <translation>시간 범위의 %1%</translation>
    </message>
    <message>
        <source>Time by state, summed over slices</source>
        <translation>상태별 시간 (조각들의 합)</translation>
    </message>
    <message>
        <source>Running time by track</source>
        <translation>트랙별 실행 시간</translation>
    </message>
    <message>
        <source>the tasks&apos; own work and waits, back to back on one thread</source>
        <translation>작업들이 한 스레드에서 차례로 실행하고 기다렸을 때의 시간</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>효율</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>tasklane::ParamChoice</name>
    <message>
        <source>on</source>
        <translation>켬</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
</context>
<context>
    <name>tasklane::ParamError</name>
    <message>
        <source>--%1 must be between %2 and %3, got %4</source>
        <translation>%1 값은 %2에서 %3 사이여야 합니다 (입력: %4)</translation>
    </message>
    <message>
        <source>--%1 must be a whole number in %2</source>
        <translation>%1 값은 %2 범위의 정수여야 합니다</translation>
    </message>
    <message>
        <source>--%1 must be a number in %2</source>
        <translation>%1 값은 %2 범위의 숫자여야 합니다</translation>
    </message>
    <message>
        <source>--%1 must be one of %2</source>
        <translation>%1 값은 %2 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>--%1 must be one of %2, got &apos;%3&apos;</source>
        <translation>%1 값은 %2 중 하나여야 합니다 (입력: &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>--%1 must be comma-separated numbers, each %2</source>
        <translation>%1 값은 쉼표로 구분한 숫자여야 하며, 각 숫자는 %2 범위여야 합니다</translation>
    </message>
    <message>
        <source>--%1 must be comma-separated numbers, each %2, got %3</source>
        <translation>%1 값은 쉼표로 구분한 숫자여야 하며, 각 숫자는 %2 범위여야 합니다 (범위를 벗어난 값: %3)</translation>
    </message>
    <message>
        <source>--%1 must be text</source>
        <translation>%1 값은 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>--%1 must be a folder</source>
        <translation>%1 값은 폴더여야 합니다</translation>
    </message>
    <message>
        <source>--%1 must be a folder, without NUL characters</source>
        <translation>%1 값은 NUL 문자가 들어 있지 않은 폴더 경로여야 합니다</translation>
    </message>
    <message>
        <source>--%1 must be a whole number in %2, got &apos;%3&apos;</source>
        <translation>%1 값은 %2 범위의 정수여야 합니다 (입력: &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>--%1 must be a number in %2, got &apos;%3&apos;</source>
        <translation>%1 값은 %2 범위의 숫자여야 합니다 (입력: &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>--%1 must be comma-separated numbers, each %2, got &apos;%3&apos;</source>
        <translation>%1 값은 쉼표로 구분한 숫자여야 하며, 각 숫자는 %2 범위여야 합니다 (입력: &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>--%1 does not apply to pattern %2 (its options: %3)</source>
        <translation>--%1 옵션은 %2 패턴에 쓸 수 없습니다 (이 패턴의 옵션: %3)</translation>
    </message>
</context>
<context>
    <name>tasklane::ParamLabel</name>
    <message>
        <source>workers</source>
        <translation>작업자 수</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>작업 수</translation>
    </message>
    <message>
        <source>cpu-ms</source>
        <translation>CPU 작업 (ms)</translation>
    </message>
    <message>
        <source>io-ms</source>
        <translation>I/O 대기 (ms)</translation>
    </message>
    <message>
        <source>time-scale</source>
        <translation>시간 배율</translation>
    </message>
    <message>
        <source>start-method</source>
        <translation>시작 방식</translation>
    </message>
    <message>
        <source>chunksize</source>
        <translation>청크 크기</translation>
    </message>
    <message>
        <source>increments</source>
        <translation>증가 횟수</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>락</translation>
    </message>
    <message>
        <source>gil</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>delays</source>
        <translation>지연 시간</translation>
    </message>
    <message>
        <source>files</source>
        <translation>파일 수</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <source>concurrency</source>
        <translation>동시 실행 수</translation>
    </message>
    <message>
        <source>out-dir</source>
        <translation>출력 폴더</translation>
    </message>
</context>
<context>
    <name>tasklane::ParamSpec</name>
    <message>
        <source>the await asyncio.sleep(1) in between</source>
        <translation>두 출력 사이의 await asyncio.sleep(1)</translation>
    </message>
    <message>
        <source>multiplies every duration</source>
        <translation>모든 시간에 곱하는 배율</translation>
    </message>
    <message>
        <source>each task&apos;s asyncio.sleep, in order: task A, B, C, ...</source>
        <translation>각 작업의 asyncio.sleep, 차례대로: 작업 A, B, C, ...</translation>
    </message>
    <message>
        <source>how many files: example.txt for one, example01.txt... for more</source>
        <translation>파일 개수: 하나면 example.txt, 여러 개면 example01.txt...</translation>
    </message>
    <message>
        <source>each file&apos;s size: the text is 24 bytes; more repeats it on further lines and pads the end with &apos;.&apos;</source>
        <translation>파일 하나의 크기: 텍스트는 24바이트이며, 더 크면 다음 줄에 텍스트를 되풀이하고 끝을 &apos;.&apos;로 채웁니다</translation>
    </message>
    <message>
        <source>at most this many files open at once (an asyncio.Semaphore)</source>
        <translation>한 번에 열어 두는 파일의 최대 개수 (asyncio.Semaphore)</translation>
    </message>
    <message>
        <source>the folder the files go to (existing ones of the same name are replaced); empty: a new run folder in the temp folder, shown in the output</source>
        <translation>파일을 쓸 폴더 (같은 이름의 파일은 덮어씁니다). 비워 두면 임시 폴더 안에 새 실행 폴더를 만들고 출력에 보여 줍니다</translation>
    </message>
    <message>
        <source>threads and processes in the pools (asyncio runs every task on one thread)</source>
        <translation>풀의 스레드 수와 프로세스 수 (asyncio는 모든 작업을 하나의 스레드에서 실행합니다)</translation>
    </message>
    <message>
        <source>how many tasks each mode runs</source>
        <translation>방식마다 실행할 작업 수</translation>
    </message>
    <message>
        <source>CPU work per task (CPU-bound: the tutorial&apos;s case for processes)</source>
        <translation>작업 하나의 CPU 작업 (CPU 집약적 작업: 튜토리얼에서 프로세스를 쓰는 경우)</translation>
    </message>
    <message>
        <source>waiting per task: blocking I/O in threads and processes, asyncio.sleep in asyncio (I/O-bound: the tutorial&apos;s case for async)</source>
        <translation>작업 하나의 대기 시간: 스레드와 프로세스에서는 블로킹 I/O, asyncio에서는 asyncio.sleep (I/O 집약적 작업: 튜토리얼에서 비동기를 쓰는 경우)</translation>
    </message>
    <message>
        <source>how the process pool&apos;s workers start</source>
        <translation>프로세스 풀의 작업자를 시작하는 방식</translation>
    </message>
    <message>
        <source>multiplies cpu-ms and io-ms</source>
        <translation>cpu-ms와 io-ms에 곱하는 배율</translation>
    </message>
    <message>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>how workers start: fork copies this process, spawn execs a clean worker program</source>
        <translation>작업자를 시작하는 방식: fork는 이 프로세스를 복제하고, spawn은 깨끗한 작업자 프로그램을 새로 실행합니다</translation>
    </message>
    <message>
        <source>multiplies every duration (cpu-ms, io-ms)</source>
        <translation>모든 시간에 곱하는 배율 (cpu-ms, io-ms)</translation>
    </message>
    <message>
        <source>CPU work per task: real arithmetic in the worker process</source>
        <translation>작업 하나의 CPU 작업: 작업자 프로세스에서 실제로 계산합니다</translation>
    </message>
    <message>
        <source>blocking I/O per task: a sleep</source>
        <translation>작업 하나의 블로킹 I/O: sleep</translation>
    </message>
    <message>
        <source>how many numbers to map (the tutorial maps 1..5)</source>
        <translation>map으로 처리할 숫자 개수 (튜토리얼은 1..5)</translation>
    </message>
    <message>
        <source>how many Process objects to start</source>
        <translation>시작할 Process 객체 수</translation>
    </message>
    <message>
        <source>how many numbers each prints (range(5))</source>
        <translation>프로세스마다 출력할 숫자 개수 (range(5))</translation>
    </message>
    <message>
        <source>a sleep after each print</source>
        <translation>출력할 때마다 잠시 sleep</translation>
    </message>
    <message>
        <source>Pool(processes): worker processes</source>
        <translation>Pool(processes): 작업자 프로세스 수</translation>
    </message>
    <message>
        <source>items per trip to a worker; 0: Python&apos;s default ceil(len / (4 x workers))</source>
        <translation>작업자에게 한 번에 보내는 항목 수. 0이면 파이썬의 기본값 ceil(len / (4 x workers))</translation>
    </message>
    <message>
        <source>how many processes increment the value</source>
        <translation>값을 증가시키는 프로세스 수</translation>
    </message>
    <message>
        <source>increments per process</source>
        <translation>프로세스마다 증가시키는 횟수</translation>
    </message>
    <message>
        <source>on: with shared_value.get_lock(); off: a bare value += 1 that races</source>
        <translation>켬: with shared_value.get_lock() 사용. 끔: 경쟁 상태가 생기는 맨 value += 1</translation>
    </message>
    <message>
        <source>CPU work before each increment</source>
        <translation>증가시키기 전마다 하는 CPU 작업</translation>
    </message>
    <message>
        <source>max_workers: worker processes (Python&apos;s default: the CPU count)</source>
        <translation>max_workers: 작업자 프로세스 수 (파이썬의 기본값: CPU 개수)</translation>
    </message>
    <message>
        <source>items per trip to a worker (with cpu-ms or io-ms each item is submitted alone)</source>
        <translation>작업자에게 한 번에 보내는 항목 수 (cpu-ms나 io-ms가 있으면 항목마다 따로 제출합니다)</translation>
    </message>
    <message>
        <source>max_workers: threads in the pool (Python&apos;s default: min(32, cores + 4))</source>
        <translation>max_workers: 풀의 스레드 수 (파이썬의 기본값: min(32, 코어 수 + 4))</translation>
    </message>
    <message>
        <source>CPU work per task: real arithmetic on the thread&apos;s core</source>
        <translation>작업 하나의 CPU 작업: 스레드가 도는 코어에서 실제로 계산합니다</translation>
    </message>
    <message>
        <source>blocking I/O per task: a sleep, with the GIL released</source>
        <translation>작업 하나의 블로킹 I/O: GIL을 놓은 채 sleep</translation>
    </message>
    <message>
        <source>the GIL model: on as in CPython, off as free-threaded Python</source>
        <translation>GIL 모델: 켜면 CPython처럼, 끄면 GIL 없는(free-threaded) 파이썬처럼</translation>
    </message>
    <message>
        <source>comma-separated numbers, each %1</source>
        <translation>쉼표로 구분한 숫자 (각 %1)</translation>
    </message>
    <message>
        <source>multiplies io-ms</source>
        <translation>io-ms에 곱하는 배율</translation>
    </message>
    <message>
        <source>multiplies cpu-ms</source>
        <translation>cpu-ms에 곱하는 배율</translation>
    </message>
</context>
<context>
    <name>tasklane::ParameterPanel</name>
    <message>
        <source>Add task</source>
        <translation>작업 추가</translation>
    </message>
    <message>
        <source>Adds a task with the last task&apos;s value</source>
        <translation>마지막 작업의 값으로 작업을 하나 더합니다</translation>
    </message>
    <message>
        <source>%1 tasks: edit the list above (sliders for up to %2)</source>
        <translation>작업 %1개: 위 목록을 고치세요 (슬라이더는 %2개까지)</translation>
    </message>
    <message>
        <source>Task %1: %2</source>
        <translation>작업 %1: %2</translation>
    </message>
    <message>
        <source>Remove task %1</source>
        <translation>작업 %1 제거</translation>
    </message>
    <message>
        <source>new run folder</source>
        <translation>새 실행 폴더</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Choose an existing folder</source>
        <translation>있는 폴더를 고르세요</translation>
    </message>
    <message>
        <source>Folder for %1</source>
        <translation>%1의 폴더</translation>
    </message>
</context>
<context>
    <name>tasklane::Pattern</name>
    <message>
        <source>One coroutine prints, awaits asyncio.sleep (the loop is free meanwhile), prints again.</source>
        <translation>코루틴 하나가 출력하고, asyncio.sleep을 await한 뒤 (그동안 이벤트 루프는 다른 일을 할 수 있습니다) 다시 출력합니다.</translation>
    </message>
    <message>
        <source>Three coroutines sleep at once on one thread: the whole takes about the longest delay, not the sum.</source>
        <translation>코루틴 세 개가 하나의 스레드에서 동시에 sleep합니다. 전체 시간은 지연 시간의 합이 아니라 가장 긴 지연 시간 정도입니다.</translation>
    </message>
    <message>
        <source>Coroutines write &quot;비동기 파일 작성!&quot; into files through aiofiles-style async files: open, write and read run on the executor&apos;s threads while the loop waits for them; each file is read back and checked.</source>
        <translation>코루틴들이 aiofiles 방식의 비동기 파일로 &quot;비동기 파일 작성!&quot;을 파일에 씁니다. open, write, read는 실행기(executor)의 스레드에서 실행되고 이벤트 루프는 그 결과를 기다립니다. 파일마다 다시 읽어서 내용을 확인합니다.</translation>
    </message>
    <message>
        <source>One workload through five modes: sequential, threads with and without the GIL, processes, asyncio. CPU-bound work needs cores (processes); I/O-bound work needs overlapping waits (asyncio, threads).</source>
        <translation>하나의 작업을 다섯 가지 방식으로 실행합니다: 순차 실행, GIL이 있는 스레드와 없는 스레드, 프로세스, asyncio. CPU 집약적 작업에는 코어가 필요하고(프로세스), I/O 집약적 작업에는 대기 시간을 겹치는 것이 필요합니다(asyncio, 스레드).</translation>
    </message>
    <message>
        <source>CPU-bound vs I/O-bound</source>
        <translation>CPU 집약 vs I/O 집약</translation>
    </message>
    <message>
        <source>A child process runs print_numbers() while the parent waits in join(). With several processes, each prints its own numbers.</source>
        <translation>자식 프로세스가 print_numbers()를 실행하는 동안 부모 프로세스는 join()에서 기다립니다. 프로세스가 여러 개면 각자 자기 숫자를 출력합니다.</translation>
    </message>
    <message>
        <source>Worker processes map square() over the numbers in chunks. Each process has its own interpreter and no GIL to share: CPU work runs on all cores.</source>
        <translation>작업자 프로세스들이 숫자를 청크로 나누어 square()를 map합니다. 프로세스마다 인터프리터가 따로 있어 공유할 GIL이 없으므로, CPU 작업이 모든 코어에서 실행됩니다.</translation>
    </message>
    <message>
        <source>Processes increment one Value in shared memory. Under get_lock() the count is exact; without it, read-modify-write races lose updates.</source>
        <translation>여러 프로세스가 공유 메모리의 Value 하나를 증가시킵니다. get_lock()을 쓰면 값이 정확하고, 쓰지 않으면 읽기-수정-쓰기 경쟁 때문에 증가가 사라집니다.</translation>
    </message>
    <message>
        <source>concurrent.futures with worker processes: cube() runs in parallel on every core, one item per trip by default (chunksize=1).</source>
        <translation>작업자 프로세스를 쓰는 concurrent.futures: cube()가 모든 코어에서 병렬로 실행되며, 기본값으로 한 번에 항목 하나씩 보냅니다 (chunksize=1).</translation>
    </message>
    <message>
        <source>Threads of one process map square() over the numbers. With the GIL on (as in CPython) CPU work takes turns; I/O waits overlap.</source>
        <translation>한 프로세스의 스레드들이 숫자에 square()를 map합니다. GIL을 켜면 (CPython처럼) CPU 작업은 번갈아 실행되고, I/O 대기는 겹칩니다.</translation>
    </message>
</context>
<context>
    <name>tasklane::PatternPane</name>
    <message>
        <source>2  Multiprocessing</source>
        <translation>2  멀티프로세싱</translation>
    </message>
    <message>
        <source>3  Asynchronous programming</source>
        <translation>3  비동기 프로그래밍</translation>
    </message>
    <message>
        <source>4  concurrent.futures</source>
        <translation>4  concurrent.futures 모듈</translation>
    </message>
    <message>
        <source>5  Parallel vs. asynchronous</source>
        <translation>5  병렬 처리와 비동기 프로그래밍의 차이점</translation>
    </message>
    <message>
        <source>%1  Other</source>
        <translation>%1  기타</translation>
    </message>
    <message>
        <source>&amp;Auto-run on Change</source>
        <translation>바꾸면 자동 실행(&amp;A)</translation>
    </message>
    <message>
        <source>Run again shortly after every parameter change, when the run takes under 2 s</source>
        <translation>매개변수를 바꿀 때마다 잠시 뒤 다시 실행합니다 (2초 안에 끝나는 실행만)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Patterns&lt;/b&gt;</source>
        <translation>&lt;b&gt;패턴&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Parameters&lt;/b&gt;</source>
        <translation>&lt;b&gt;매개변수&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run the pattern with these parameters (F5)</source>
        <translation>이 매개변수로 패턴을 실행합니다 (F5)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Run  (F5)</source>
        <translation>실행  (F5)</translation>
    </message>
    <message>
        <source>Stop the run (Esc)</source>
        <translation>실행을 중지합니다 (Esc)</translation>
    </message>
    <message>
        <source>&amp;Lesson&apos;s Values</source>
        <translation>학습용 값(&amp;L)</translation>
    </message>
    <message>
        <source>Parameters that show what the pattern teaches within two seconds (the values a pattern opens with)</source>
        <translation>패턴이 가르치는 내용을 2초 안에 보여 주는 매개변수 (패턴을 열 때의 값)</translation>
    </message>
    <message>
        <source>&amp;Tutorial&apos;s Values</source>
        <translation>튜토리얼의 값(&amp;T)</translation>
    </message>
    <message>
        <source>The tutorial&apos;s own example, as its program has it (the Python tab shows it)</source>
        <translation>튜토리얼 예제 그대로의 값 (Python 탭에 그 프로그램이 나옵니다)</translation>
    </message>
    <message>
        <source>Tutorial&apos;s values</source>
        <translation>튜토리얼의 값</translation>
    </message>
    <message>
        <source>The chart shows %1, a trace file, not a run of a pattern. Run (F5) runs %2 with the parameters below; pick a pattern to read about it.</source>
        <translation>차트는 패턴 실행이 아니라 트레이스 파일 %1을(를) 보여 줍니다. 실행(F5)을 누르면 아래 매개변수로 %2을(를) 실행합니다. 패턴을 고르면 그 설명을 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>tasklane::ResultTabs</name>
    <message>
        <source>Python program copied.</source>
        <translation>파이썬 프로그램을 복사했습니다.</translation>
    </message>
    <message>
        <source>What the Python program prints appears here.</source>
        <translation>파이썬 프로그램의 출력이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>파이썬</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the Python program to the clipboard</source>
        <translation>파이썬 프로그램을 클립보드에 복사합니다</translation>
    </message>
    <message>
        <source>%1 has no instant events (a program&apos;s printed lines are instants in Tasklane&apos;s traces).</source>
        <translation>%1에는 순간 이벤트가 없습니다 (Tasklane의 트레이스에서는 프로그램이 출력한 줄이 순간 이벤트입니다).</translation>
    </message>
    <message>
        <source>Instant events in %1, in time order (in Tasklane&apos;s traces, what the program printed):

%2</source>
        <translation>%1의 순간 이벤트, 시간 순서대로 (Tasklane의 트레이스에서는 프로그램의 출력):

%2</translation>
    </message>
    <message>
        <source>

The files are in %1, this window&apos;s folder for runs with no folder chosen: the next such run replaces them, and the folder is removed when the window closes. Choose a folder (out-dir) to keep them.</source>
        <translation>

파일은 %1에 있습니다. 폴더를 고르지 않은 실행에 쓰는 이 창의 폴더로, 다음 실행이 파일을 바꾸고 창을 닫으면 폴더가 지워집니다. 파일을 남기려면 폴더(out-dir)를 고르세요.</translation>
    </message>
    <message>
        <source># %1 is a trace file opened from disk, not a run of one of Tasklane&apos;s patterns:
# there is no Python program for it here. Pick a pattern to see its program.</source>
        <translation># %1은(는) 디스크에서 연 트레이스 파일이며 Tasklane 패턴의 실행이 아닙니다:
# 여기에는 이 파일의 Python 프로그램이 없습니다. 패턴을 고르면 그 프로그램이 나옵니다.</translation>
    </message>
    <message>
        <source>Parameters changed since the run on screen: this is the program for the new values; F5 runs it.</source>
        <translation>화면의 실행 이후 매개변수가 바뀌었습니다: 이것은 새 값의 프로그램이며 F5로 실행합니다.</translation>
    </message>
    <message>
        <source>%1  %2 (%3)</source>
        <translation>%1  %2 (%3)</translation>
    </message>
    <message>
        <source>(The run was %1 before the program printed anything.)</source>
        <translation>(프로그램이 아무것도 출력하기 전에 실행이 %1.)</translation>
    </message>
</context>
<context>
    <name>tasklane::RunController</name>
    <message>
        <source>

[… output cut: showing the first %1 of %2 characters. Export the trace, or run tasklane-cli, for all of it.]</source>
        <translation>

[… 출력 생략: %2자 중 처음 %1자만 보여 줍니다. 전체는 트레이스를 내보내거나 tasklane-cli로 실행해서 보세요.]</translation>
    </message>
    <message>
        <source>the run failed with an unknown error</source>
        <translation>알 수 없는 오류로 실행이 실패했습니다</translation>
    </message>
</context>
<context>
    <name>tasklane::RunError</name>
    <message>
        <source>cannot write into folder &apos;%1&apos;: %2 (%3)</source>
        <translation>&apos;%1&apos; 폴더에 쓸 수 없습니다: %2 (%3)</translation>
    </message>
    <message>
        <source>%1 in &apos;%2&apos; reads back %3 bytes that differ from the %4 written</source>
        <translation>&apos;%2&apos; 폴더의 %1: 다시 읽은 %3바이트가 쓴 %4바이트와 다릅니다</translation>
    </message>
    <message>
        <source>out-dir &apos;%1&apos; does not exist</source>
        <translation>출력 폴더 &apos;%1&apos;이(가) 없습니다</translation>
    </message>
    <message>
        <source>out-dir &apos;%1&apos; cannot be used: %2</source>
        <translation>출력 폴더 &apos;%1&apos;을(를) 사용할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>out-dir &apos;%1&apos; is not a folder</source>
        <translation>출력 폴더 &apos;%1&apos;은(는) 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>out-dir &apos;%1&apos; is not writable: %2</source>
        <translation>출력 폴더 &apos;%1&apos;에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot make a run folder in &apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos;에 실행 폴더를 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>not enough space in &apos;%1&apos;: the files need %2, %3 free</source>
        <translation>&apos;%1&apos;에 공간이 부족합니다: 파일에 %2가 필요하지만 남은 공간은 %3입니다</translation>
    </message>
    <message>
        <source>%1 (pid %2) exited with code %3</source>
        <translation>%1 (pid %2) 프로세스가 종료 코드 %3(으)로 끝났습니다</translation>
    </message>
    <message>
        <source>%1 (pid %2) exited with code %3: %4</source>
        <translation>%1 (pid %2) 프로세스가 종료 코드 %3(으)로 끝났습니다: %4</translation>
    </message>
</context>
<context>
    <name>tasklane::SaveFile</name>
    <message>
        <source>cannot open %1 for writing: %2</source>
        <translation>%1 파일을 쓰기용으로 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 파일에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>cannot save %1: %2</source>
        <translation>%1 파일을 저장할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>tasklane::ShownResult</name>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>stopped at %1 of %2 tasks</source>
        <translation>작업 %2개 중 %1개에서 중지됨</translation>
    </message>
</context>
<context>
    <name>tasklane::State</name>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>대기열 대기</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>I/O 대기</translation>
    </message>
    <message>
        <source>awaiting</source>
        <translation>await 대기</translation>
    </message>
    <message>
        <source>lock-wait</source>
        <translation>락 대기</translation>
    </message>
    <message>
        <source>lock-held</source>
        <translation>락 보유</translation>
    </message>
    <message>
        <source>gil-wait</source>
        <translation>GIL 대기</translation>
    </message>
    <message>
        <source>spawning</source>
        <translation>생성 중</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>유휴</translation>
    </message>
    <message>
        <source>waiting-for-core</source>
        <translation>코어 대기</translation>
    </message>
</context>
<context>
    <name>tasklane::SummaryView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation>아직 실행하지 않았습니다.</translation>
    </message>
    <message>
        <source>Makespan</source>
        <translation>총 소요 시간</translation>
    </message>
    <message>
        <source>first submit to last result</source>
        <translation>첫 제출부터 마지막 결과까지</translation>
    </message>
    <message>
        <source>Sequential estimate</source>
        <translation>순차 실행 추정</translation>
    </message>
    <message>
        <source>the tasks&apos; own work, back to back on one thread</source>
        <translation>작업들이 한 스레드에서 차례로 실행했을 때의 작업 시간</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1배</translation>
    </message>
    <message>
        <source>sequential ÷ makespan</source>
        <translation>순차 실행 추정 ÷ 총 소요 시간</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>효율</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Cores used</source>
        <translation>사용한 코어</translation>
    </message>
    <message>
        <source>GIL wait</source>
        <translation>GIL 대기</translation>
    </message>
    <message>
        <source>threads waiting for the interpreter lock (a model)</source>
        <translation>인터프리터 락(GIL)을 기다린 스레드 (모델)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>대기열 대기</translation>
    </message>
    <message>
        <source>tasks waiting for a free worker, summed</source>
        <translation>작업이 빈 작업자를 기다린 시간의 합</translation>
    </message>
    <message>
        <source>Lock wait</source>
        <translation>락 대기</translation>
    </message>
    <message>
        <source>Spawning</source>
        <translation>프로세스 생성</translation>
    </message>
    <message>
        <source>starting worker processes</source>
        <translation>작업자 프로세스를 시작하는 시간</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>이벤트</translation>
    </message>
    <message numerus="yes">
        <source>%n track(s)</source>
        <translation>
            <numerusform>트랙 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Per-core utilisation</source>
        <translation>코어별 사용률</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>Modes</source>
        <translation>방식</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>방식</translation>
    </message>
    <message>
        <source>makespan</source>
        <translation>총 소요 시간</translation>
    </message>
    <message>
        <source>speedup</source>
        <translation>속도 향상</translation>
    </message>
    <message>
        <source>efficiency</source>
        <translation>효율</translation>
    </message>
    <message>
        <source>cores used</source>
        <translation>사용한 코어</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>결론</translation>
    </message>
    <message>
        <source>Waiting for a core</source>
        <translation>코어 대기</translation>
    </message>
    <message>
        <source>ready threads the OS had no free core for, summed</source>
        <translation>OS가 빈 코어를 주지 못해 기다린 준비된 스레드들의 시간 합계</translation>
    </message>
    <message numerus="yes">
        <source>%n wait(s) overlapped</source>
        <translation>
            <numerusform>대기 %n개가 겹침</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n core(s)</source>
        <translation>
            <numerusform>코어 %n개에서 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <source>the tasks&apos; own work (%1 ms) is small beside starting and coordinating the workers: give them more work, or try the lesson&apos;s values (Run menu)</source>
        <translation>작업 자체의 일(%1 ms)이 작업자를 시작하고 조율하는 비용보다 작습니다: 일을 더 주거나 학습용 값(실행 메뉴)을 써 보세요</translation>
    </message>
    <message numerus="yes">
        <source>speedup per worker that could run at once (%n here: workers, at most the cores)</source>
        <translation>
            <numerusform>동시에 실행할 수 있는 작업자 하나당 속도 향상 (여기서는 %n: 작업자 수, 최대 코어 수까지)</numerusform>
        </translation>
    </message>
    <message>
        <source>busy at least 5 % of the run, of %1 on this machine</source>
        <translation>실행 시간의 5 % 이상 바빴던 코어, 이 컴퓨터의 코어 %1개 중</translation>
    </message>
</context>
<context>
    <name>tasklane::TimeRuler</name>
    <message>
        <source>The whole run: the box is the part on screen. Click or drag to move it, double-click to fit.</source>
        <translation>실행 전체: 상자는 화면에 보이는 부분입니다. 클릭하거나 끌어서 옮기고, 두 번 클릭하면 전체에 맞춥니다.</translation>
    </message>
</context>
<context>
    <name>tasklane::TraceFileController</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>%1번째 줄, %2번째 열: %3</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Chrome/Perfetto trace (*.json)</source>
        <translation>Chrome/Perfetto 트레이스 (*.json)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Open Trace</source>
        <translation>트레이스 열기</translation>
    </message>
    <message>
        <source>Chrome/Perfetto trace (*.json);;All files (*)</source>
        <translation>Chrome/Perfetto 트레이스 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <source>Cannot open the trace</source>
        <translation>트레이스를 열 수 없습니다</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Export Compared Runs</source>
        <translation>비교한 실행 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 이미지 (*.png);;SVG 그림 (*.svg);;PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 저장하는 중…</translation>
    </message>
</context>
</TS>

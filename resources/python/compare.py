import asyncio
import multiprocessing as mp
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = {{tasks}}
WORKERS = {{workers}}
CPU_S = {{cpu_s}}  # CPU work per task
IO_S = {{io_s}}  # waiting per task


def compute():
    end = time.thread_time() + CPU_S
    while time.thread_time() < end:
        pass


def square(n):
    compute()
    time.sleep(IO_S)  # blocking I/O
    return n ** 2


async def square_async(n):
    compute()  # CPU work blocks the event loop
    await asyncio.sleep(IO_S)  # the loop runs other tasks meanwhile
    return n ** 2


async def gather_all(numbers):
    return await asyncio.gather(*(square_async(n) for n in numbers))


def timed(run):
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def threads():
    with ThreadPoolExecutor(WORKERS) as ex:
        list(ex.map(square, numbers))


def processes():
    ctx = mp.get_context("{{start_method}}")
    with ProcessPoolExecutor(WORKERS, mp_context=ctx) as ex:
        list(ex.map(square, numbers))


if __name__ == "__main__":
    numbers = list(range(1, TASKS + 1))
    modes = {
        "sequential": lambda: [square(n) for n in numbers],
        "threads-gil": threads,  # threads-free: the same on python3.13t -X gil=0
        "processes": processes,
        "asyncio": lambda: asyncio.run(gather_all(numbers)),
    }
    times = {name: timed(run) for name, run in modes.items()}
    for name, ms in times.items():
        print(f"{name:13s} {ms:8.0f} ms {times['sequential'] / ms:6.2f}x")

{{#if start_method}}
import multiprocessing
{{/if}}
{{#if cpu}}
import time
{{/if}}
from multiprocessing import Value, Process


def increment(shared_value):
{{#if loop}}
    for _ in range({{increments}}):
{{/if}}
{{#if cpu}}
{{indent}}end = time.thread_time() + {{cpu_s}}
{{indent}}while time.thread_time() < end:
{{indent}}    pass
{{/if}}
{{#if locked}}
{{indent}}with shared_value.get_lock():
{{indent}}    shared_value.value += 1
{{else}}
{{indent}}shared_value.value += 1  # no lock: updates can be lost
{{/if}}


if __name__ == "__main__":
{{#if start_method}}
    multiprocessing.set_start_method("{{start_method}}")
{{/if}}
    counter = Value('i', 0)  # 정수형 공유 변수
    processes = [Process(target=increment, args=(counter,)) for _ in range({{workers}})]

    for p in processes:
        p.start()

    for p in processes:
        p.join()

    print(f"최종 값: {counter.value}")

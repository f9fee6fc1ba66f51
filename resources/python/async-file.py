import asyncio
{{#if new_folder}}
import tempfile
{{/if}}
from pathlib import Path

import aiofiles  # pip install aiofiles

{{#if new_folder}}
OUT_DIR = Path(tempfile.mkdtemp(prefix="{{folder_prefix}}"))  # a new run folder
{{else}}
OUT_DIR = Path({{folder}})
{{/if}}
TEXT = {{text}}


{{#if limited}}
async def write_file(path, data, limit):
    async with limit:  # at most {{concurrency}} files at once
        async with aiofiles.open(path, "w", encoding="utf-8") as f:
            await f.write(data)
        # Read it back: the file holds what was written.
        async with aiofiles.open(path, encoding="utf-8") as f:
            content = await f.read()
        assert content == data, f"{path.name} reads back something else"
        return content.splitlines()[0]
{{else}}
async def write_file(path, data):
    async with aiofiles.open(path, "w", encoding="utf-8") as f:
        await f.write(data)
    # Read it back: the file holds what was written.
    async with aiofiles.open(path, encoding="utf-8") as f:
        content = await f.read()
    assert content == data, f"{path.name} reads back something else"
    return content.splitlines()[0]
{{/if}}


async def main():
    data = {{data}}
{{#if single}}
    path = OUT_DIR / "example.txt"
    first = await write_file(path, data)
    print(f"{path.name} ({len(data.encode())} bytes): {first}")
    print(f"1 file in {OUT_DIR}")
{{else}}
    paths = [OUT_DIR / f"example{i:0{{width}}}.txt" for i in range(1, {{files_end}})]
{{#if limited}}
    limit = asyncio.Semaphore({{concurrency}})
    firsts = await asyncio.gather(*(write_file(p, data, limit) for p in paths))
{{else}}
    firsts = await asyncio.gather(*(write_file(p, data) for p in paths))
{{/if}}
    for path, first in zip(paths, firsts):
        print(f"{path.name} ({len(data.encode())} bytes): {first}")
    print(f"{len(paths)} files in {OUT_DIR}")
{{/if}}


asyncio.run(main())

import asyncio


async def say_hello():
    print("Hello!")
    await asyncio.sleep({{delay_s}})
    print("Goodbye!")


asyncio.run(say_hello())
